import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useKeys } from '../../components/key-router.js';
import { actionFor } from '../../components/key-table.js';
import { useServices } from '../../contexts.js';
import type { DoctorReport } from '../../services/doctor/run-doctor.js';
import { errorMessage } from '../../services/errors.js';
import { forTerminal, shown } from '../../services/terminal-text.js';
import { DOCTOR_KEYS } from './dashboard-keys.js';

const MARK = { error: ['✘', 'red'], warning: ['!', 'yellow'], info: ['i', 'gray'] } as const;

/** The dashboard's `D`: doctor's findings for this agent; `f` applies the safe fixes. */
export function DoctorPanel({ onClose, height }: { onClose: () => void; height: number }) {
  const services = useServices();
  const [report, setReport] = useState<DoctorReport>();
  const [note, setNote] = useState<string>();
  const busy = useRef(false);
  const check = () => services.runDoctor().then(setReport, (error: unknown) => setNote(errorMessage(error)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the panel opens.
  useEffect(() => {
    void check();
  }, []);
  useKeys((input, key) => {
    const action = actionFor(DOCTOR_KEYS, input, key, undefined);
    if (action === 'close') return onClose();
    if (action !== 'fix' || !report || busy.current) return;
    busy.current = true;
    services.applyDoctorFixes(report.findings).then(
      ({ done, gatewayNote }) => {
        const told = gatewayNote ? `; ${gatewayNote.line}` : '';
        setNote(done.length > 0 ? `Fixed: ${done.join('; ')}${told}` : 'Nothing here has a safe fix.');
        busy.current = false;
        void check();
      },
      (error: unknown) => {
        busy.current = false;
        setNote(errorMessage(error));
      },
    );
  });
  const findings = report?.findings ?? [];
  // Subjects and problems quote ids and paths from files: shown safely.
  const inView = forTerminal(findings.slice(0, Math.max(1, height)).map(({ safeFix, ...finding }) => finding));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Doctor</Text>
      {!report && !note && <Text dimColor>Checking…</Text>}
      {report && findings.length === 0 && <Text color="green">✔ nothing to fix</Text>}
      {inView.map((finding) => (
        <Text key={`${finding.code}:${finding.subject}`} wrap="truncate">
          <Text color={MARK[finding.severity][1]}>{MARK[finding.severity][0]}</Text> {finding.subject}:{' '}
          {finding.problem} <Text dimColor>→ {finding.fix}</Text>
        </Text>
      ))}
      {findings.length > inView.length && (
        <Text dimColor>… {findings.length - inView.length} more: `authdeck doctor`</Text>
      )}
      {note && <Text wrap="truncate">{shown(note)}</Text>}
    </Box>
  );
}
