import { Box } from 'ink';
import { describe, expect, it } from 'vitest';
import { Bullet } from '../../src/components/Bullet.js';
import { renderInk } from '../helpers/ink.js';

describe('Bullet', () => {
  it('wraps plain text at spaces under its own start, no continued line a column deeper', async () => {
    const text =
      'the same secret is also saved as groq:default: the gateway counts them as separate credentials with one quota and one fate; unless two ids are what you want';
    for (const width of [40, 57, 73, 100]) {
      const app = await renderInk(<Bullet>{text}</Bullet>);
      await app.resize(width, 30);
      const lines = app.frame().split('\n');
      expect(lines[0]).toMatch(/^ • the same/);
      for (const line of lines.slice(1)) expect(line, `${width}: ${line}`).toMatch(/^ {3}\S/);
      expect(lines.map((line) => line.trim().replace(/^• /, '')).join(' ')).toBe(text);
      for (const line of lines) expect(line.length).toBeLessThan(width);
      app.unmount();
    }
  });

  it('wide characters (a CJK path) wrap whole, not cut with …', async () => {
    const path = `/tmp/${'日本語'.repeat(9)}/.openclaw/agents/main/agent/auth-profiles.json (the profile)`;
    const app = await renderInk(<Bullet>{path}</Bullet>);
    await app.resize(60, 30);
    const joined = app
      .frame()
      .split('\n')
      .map((line) => line.trim().replace(/^• /, ''))
      .join('');
    expect(joined.replaceAll(' ', '')).toBe(path.replaceAll(' ', ''));
    expect(app.frame()).not.toContain('…');
  });

  it('many on one screen watch the terminal size through one resize listener', async () => {
    const app = await renderInk(
      <Box flexDirection="column">
        {Array.from({ length: 30 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list.
          <Bullet key={index}>item {index}</Bullet>
        ))}
      </Box>,
    );
    expect(app.stdout.listenerCount('resize')).toBeLessThanOrEqual(2);
    await app.resize(50, 40);
    expect(app.frame()).toContain('item 29');
  });
});
