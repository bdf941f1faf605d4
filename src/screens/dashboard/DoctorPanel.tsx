import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useKeys } from '../../components/key-router.js';
import { actionFor } from '../../components/key-table.js';
import { StyledLines } from '../../components/StyledLines.js';
import { type Styled, wrapStyled } from '../../components/text-layout.js';
import { useServices } from '../../contexts.js';
import type { Finding } from '../../services/doctor/doctor-types.js';
import type { DoctorReport } from '../../services/doctor/run-doctor.js';
import { errorMessage } from '../../services/errors.js';
import { forTerminal, shown } from '../../services/terminal-text.js';
import { DOCTOR_KEYS } from './dashboard-keys.js';

const MARK = { error: ['✘', 'red'], warning: ['!', 'yellow'], info: ['i', 'gray'] } as const;
/** The panel's border and padding. */
const FRAME = 4;
/** A note (what `f` did) takes at most this many lines. */
const NOTE_LINES = 3;

/**
 * A finding as the lines it takes at `width` (inside the panel): the mark, then the subject, the
 * problem and the fix, wrapped under one another rather than cut at the border.
 */
export function findingLines(finding: Omit<Finding, 'safeFix'>, width: number): Styled[][] {
  // Subjects and problems quote ids and paths from files: shown safely.
  const { subject, problem, fix, severity } = forTerminal(finding);
  const [mark, color] = MARK[severity];
  const body = wrapStyled([{ text: `${subject}: ${problem} ` }, { text: `→ ${fix}`, dim: true }], width - 2);
  return body.map((line, index) => [index === 0 ? { text: `${mark} `, color } : { text: '  ' }, ...line]);
}

/**
 * The dashboard's `D`: doctor's findings for this agent; `f` applies the safe fixes. Findings
 * wrap inside the box; in `height` lines it shows the findings that fit and how many did not.
 * `onLines` hears how many lines it would take whole, so the screen can make room.
 */
export function DoctorPanel({
  onClose,
  height,
  width,
  onLines,
  onFixable,
}: {
  onClose: () => void;
  height: number;
  width: number;
  onLines?: (lines: number) => void;
  /** Whether `f` has anything to fix (the screen's hint bar offers it only then). */
  onFixable?: (fixable: boolean) => void;
}) {
  const services = useServices();
  const [report, setReport] = useState<DoctorReport>();
  const [note, setNote] = useState<string>();
  const busy = useRef(false);
  const check = () => services.runDoctor().then(setReport, (error: unknown) => setNote(errorMessage(error)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the panel opens.
  useEffect(() => {
    void check();
  }, []);
  const fixable = report?.findings.some((finding) => finding.safeFix !== undefined) ?? false;
  useEffect(() => onFixable?.(fixable), [fixable, onFixable]);
  useKeys((input, key) => {
    const action = actionFor(DOCTOR_KEYS, input, key, { fixable });
    if (action === 'close') return onClose();
    if (action !== 'fix' || !report || busy.current) return;
    if (!fixable) return setNote('Nothing here has a safe fix.');
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
  const inner = Math.max(8, width - FRAME);
  const findings = (report?.findings ?? []).map(({ safeFix, ...finding }) => findingLines(finding, inner));
  const status = !report && !note ? 'checking' : report && findings.length === 0 ? 'clean' : undefined;
  const noteLines = note ? wrapStyled([{ text: shown(note) }], inner, NOTE_LINES) : [];
  const whole = 3 + (status ? 1 : 0) + findings.reduce((sum, lines) => sum + lines.length, 0) + noteLines.length;
  useEffect(() => onLines?.(whole), [whole, onLines]);

  // The findings that fit whole; when some do not, a line says how many and where to see them.
  let room = Math.max(0, height - 3 - (status ? 1 : 0) - noteLines.length);
  const total = findings.reduce((sum, lines) => sum + lines.length, 0);
  const inView: Styled[][] = [];
  let shownCount = 0;
  if (total <= room) {
    inView.push(...findings.flat());
    shownCount = findings.length;
  } else {
    room -= 1;
    for (const lines of findings) {
      if (lines.length > room) {
        // A finding taller than what is left: its first lines, if nothing else is in view.
        if (shownCount === 0 && room > 0) {
          inView.push(...lines.slice(0, room));
          const last = inView.at(-1)?.at(-1);
          if (last) last.text = `${last.text.replace(/.$/u, '')}…`;
          shownCount = 1;
        }
        break;
      }
      inView.push(...lines);
      room -= lines.length;
      shownCount++;
    }
  }
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Doctor</Text>
      {status === 'checking' && <Text dimColor>Checking…</Text>}
      {status === 'clean' && <Text color="green">✔ nothing to fix</Text>}
      <StyledLines lines={inView} />
      {findings.length > shownCount && (
        <Text dimColor wrap="truncate">
          … {findings.length - shownCount} more: `authdeck doctor`
        </Text>
      )}
      <StyledLines lines={noteLines} />
    </Box>
  );
}
