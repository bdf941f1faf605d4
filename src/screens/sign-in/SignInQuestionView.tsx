import { Box, Text } from 'ink';
import { TextField } from '../../components/text-field/TextField.js';
import { useRequiredAnswer } from '../../components/text-field/use-required-answer.js';
import type { TextFieldState } from '../../components/text-field/use-text-field-state.js';
import type { SignInQuestion } from '../../services/oauth/sign-in-types.js';

/** A value the sign-in needs before it can start, asked as the command line asks it. */
export function SignInQuestionView({
  question,
  field,
  onSubmit,
}: {
  question: SignInQuestion;
  field: TextFieldState;
  onSubmit: (text: string) => void;
}) {
  const { submit, needed } = useRequiredAnswer(field, onSubmit, 'An answer');
  return (
    <Box flexDirection="column">
      <Text>{question.message}:</Text>
      <Box borderStyle="round" borderColor="gray" paddingX={1}>
        <TextField state={field} onSubmit={submit} placeholder={question.placeholder ?? ''} takesKeys />
      </Box>
      {needed && <Text color="yellow">{needed}</Text>}
      {question.envName && <Text dimColor>Setting {question.envName} answers this without asking.</Text>}
    </Box>
  );
}
