import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { usableColumns } from '../components/text-layout.js';

/** Columns (usable: one short of the terminal's, text-layout.ts) and rows of the terminal, updated on resize. */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = () => setSize(readSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function readSize(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: usableColumns(stdout.columns || 80), rows: stdout.rows || 24 };
}
