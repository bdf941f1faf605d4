import { describe, expect, it } from 'vitest';
import {
  fitPath,
  headerLines,
  packHints,
  textColumns,
  wrapStyled,
  wrapText,
} from '../../src/components/text-layout.js';
import { dashboardLayout, storeLines } from '../../src/screens/dashboard/layout.js';

describe('text laid out before it is drawn', () => {
  it('wraps at spaces, breaks a path after a slash, cuts a word longer than a line, and marks lines left out', () => {
    expect(wrapText('mode 644: readable by other users', 12)).toEqual(['mode 644:', 'readable by', 'other users']);
    // A path breaks after a `/`, not mid-name; a word with none is cut.
    expect(wrapText('/home/me/.openclaw/agents', 10)).toEqual(['/home/me/', '.openclaw/', 'agents']);
    expect(wrapText('abcdefghijklmno', 10)).toEqual(['abcdefghij', 'klmno']);
    // A space that would leave a stub gives way to a `/` further on.
    expect(wrapText('i /tmp/walk/home/.openclaw/agents/main/agent/auth-profiles.json: the store', 40)).toEqual([
      'i /tmp/walk/home/.openclaw/agents/main/',
      'agent/auth-profiles.json: the store',
    ]);
    const lines = wrapStyled([{ text: 'one two ' }, { text: 'three four five', dim: true }], 9, 2);
    expect(lines).toEqual([[{ text: 'one two' }], [{ text: 'three…', dim: true }]]);
  });

  it('starts a line with a `command` rather than break inside it, where that costs no line', () => {
    // At 120 columns the fix broke after "`openclaw plugins install" (a newcomer's walk).
    const warning =
      'openai: the codex plugin is not installed, so the gateway cannot run its models; fix: `openclaw plugins install @openclaw/codex`, then restart the gateway';
    expect(wrapText(warning, 118)).toEqual([
      'openai: the codex plugin is not installed, so the gateway cannot run its models; fix:',
      '`openclaw plugins install @openclaw/codex`, then restart the gateway',
    ]);
    // Where keeping it whole would take a line more, the line wins (a short terminal).
    expect(wrapText(warning, 60)).toHaveLength(3);
    // A command longer than a line breaks as any text.
    expect(wrapText(warning, 30).join(' ')).toBe(warning);
  });

  it('cuts a path from the left so its file name stays', () => {
    const path = '/home/someone/.openclaw/agents/main/agent/auth-profiles.json';
    expect(fitPath(path, 100)).toBe(path);
    expect(fitPath(path, 40)).toBe('…/agents/main/agent/auth-profiles.json');
    expect(fitPath(path, 20)).toBe('…/auth-profiles.json');
    expect(fitPath(path, 10)).toBe('…iles.json');
    expect(storeLines('JSON files (OpenClaw ≤ 2026.6.1)', path, 80)).toEqual([
      'JSON files (OpenClaw ≤ 2026.6.1) · …/agents/main/agent/auth-profiles.json',
    ]);
    // No room for the file name beside the description: the path gets a line; neither is cut.
    expect(storeLines('JSON files (OpenClaw ≤ 2026.6.1)', path, 32)).toEqual([
      'JSON files (OpenClaw ≤ 2026.6.1)',
      '· …/agent/auth-profiles.json',
    ]);
    const sqlite = '/tmp/tmp.vycf6qY3W6/.openclaw/state/openclaw.sqlite';
    expect(storeLines('shared SQLite (OpenClaw 2026.8.1+), seen 2026.9.6', sqlite, 60)).toEqual([
      'shared SQLite (OpenClaw 2026.8.1+), seen 2026.9.6',
      `· ${sqlite}`,
    ]);
  });

  it('keeps the help key when the hint bar is cut to fewer lines', () => {
    const hints = [
      ['↑↓', 'move'],
      ['enter', 'details'],
      ['a', 'add'],
      ['d', 'remove'],
      ['?', 'help'],
      ['q', 'quit'],
    ] as const;
    // Two lines as even as they go, not a full one and `? q` left over.
    expect(packHints(hints, 40).map((line) => line.map(([key]) => key))).toEqual([
      ['↑↓', 'enter', 'a'],
      ['d', '?', 'q'],
    ]);
    expect(packHints(hints, 40, 1).map((line) => line.map(([key]) => key))).toEqual([['↑↓', 'enter', 'a', '?']]);
    expect(packHints(hints, 40, 0)).toEqual([]);
  });

  it('puts the agent on a second header line when the title does not fit', () => {
    const text = (width: number) =>
      headerLines('dashboard', 'main', width).map((line) => line.map((piece) => piece.text).join(''));
    expect(text(40)).toEqual(['authdeck · dashboard · agent main']);
    expect(text(32)).toEqual(['authdeck · dashboard', '· agent main']);
  });
});

describe('the dashboard layout', () => {
  it('never takes more lines than the terminal has, less one, whatever it holds', () => {
    for (let rows = 4; rows <= 50; rows++)
      for (const hints of [1, 2, 4])
        for (const panel of [undefined, 5, 26])
          for (const fixed of [0, 1, 3]) {
            const title = 2;
            const warnings = [1, 3];
            const layout = dashboardLayout({
              rows,
              title,
              fixed,
              summary: 1,
              warnings,
              store: 2,
              hints,
              ...(panel ? { panel } : {}),
            });
            const spacers = layout.spaced ? (layout.hints > 0 ? 3 : 2) : 0;
            const used =
              title +
              fixed +
              spacers +
              layout.summary +
              layout.store +
              warnings.slice(0, layout.warnings).reduce((sum, lines) => sum + lines, 0) +
              Number(layout.warningsLeft) +
              layout.panel +
              layout.hints +
              layout.table;
            if (title + fixed < rows - 1) expect(used, JSON.stringify({ rows, hints, panel, fixed })).toBe(rows - 1);
            // With two lines or more to spare, the table or the panel has some of them.
            if (rows - 1 - title - fixed >= 2)
              expect(layout.table + layout.panel, JSON.stringify({ rows, panel, fixed })).toBeGreaterThan(0);
          }
  });

  it('gives way in order: blank lines, hints but ? help, the store, warnings, the counts; the table keeps three rows', () => {
    const at = (rows: number) =>
      dashboardLayout({ rows, title: 1, fixed: 0, summary: 1, warnings: [1], store: 1, hints: 2 });
    expect(at(30)).toMatchObject({ spaced: true, summary: 1, store: 1, warnings: 1, hints: 2, table: 20 });
    expect(at(12)).toMatchObject({ spaced: false, summary: 1, store: 1, warnings: 1, hints: 2, table: 5 });
    expect(at(10)).toMatchObject({ spaced: false, summary: 1, store: 1, warnings: 1, hints: 1, table: 4 });
    expect(at(9)).toMatchObject({ summary: 1, store: 0, warnings: 1, warningsLeft: false, hints: 1, table: 4 });
    expect(at(8)).toMatchObject({ summary: 1, store: 0, warnings: 0, hints: 1, table: 4 });
    expect(at(6)).toMatchObject({ summary: 0, hints: 0, table: 4 });
  });

  it('shows a warning whole or not at all, and says how many did not fit', () => {
    // 60×14 with two warnings of three lines: the store and the rest of the hints give way to them.
    const layout = dashboardLayout({ rows: 14, title: 1, fixed: 0, summary: 1, warnings: [3, 3], store: 2, hints: 3 });
    expect(layout).toMatchObject({ summary: 1, store: 0, warnings: 2, warningsLeft: false, hints: 1, table: 4 });
    // One line short of both: the first, and a line for the second.
    const shorter = dashboardLayout({ rows: 13, title: 1, fixed: 0, summary: 1, warnings: [3, 3], store: 2, hints: 3 });
    expect(shorter).toMatchObject({ warnings: 1, warningsLeft: true, table: 4 });
    // Beside a panel, a line says they are there.
    const panel = dashboardLayout({
      rows: 15,
      title: 1,
      fixed: 0,
      summary: 1,
      warnings: [3, 3],
      store: 2,
      hints: 1,
      panel: 9,
    });
    expect(panel).toMatchObject({ panel: 9, summary: 1, warnings: 0, warningsLeft: true, table: 1 });
  });
});

describe('textColumns', () => {
  it('counts what a terminal draws, as Ink measures it: a whole emoji sequence wide, marks and format characters nothing', () => {
    // The widths string-width (Ink's measure) gives.
    const cases: Array<[string, number]> = [
      ['a:👍🏽', 4],
      ['a:👨‍👩‍👧', 4],
      ['a:❤️', 4],
      ['a:\u00ad', 2],
      ['日本語', 6],
      ['x\u0301\u0301y', 2],
      ['a\u200bb', 2],
      ['🔑', 2],
      ['한국어', 6],
      ['abc', 3],
    ];
    for (const [text, columns] of cases) expect([text, textColumns(text)]).toEqual([text, columns]);
  });
});
