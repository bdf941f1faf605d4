import { type GlobalOptionSpecs, listedOptions } from '../cli-parser.js';
import type { CompletionCommand, CompletionModel, CompletionOption } from '../services/completion/model.js';
import { SHELLS, type Shell } from '../services/completion/model.js';
import { completionScript } from '../services/completion/script.js';
import { UsageError } from '../services/errors.js';
import type { CommandSpec, OptionSpec } from './spec.js';
import { command } from './spec.js';

/** The command tree the scripts are made from: the CLI's own, handed over by cli.ts. */
export interface CommandTree {
  root: CommandSpec;
  globals: GlobalOptionSpecs;
}

function completionOption(option: OptionSpec): CompletionOption {
  return {
    names: [`--${option.name}`, ...(option.short ? [`-${option.short}`] : [])],
    description: option.description,
    takesValue: option.value !== undefined,
    ...(option.values ? { values: option.values } : {}),
  };
}

/** Every command path the help shows, with what its help lists: hidden commands stay out. */
export function completionModel(tree: CommandTree): CompletionModel {
  const commands: CompletionCommand[] = [];
  const visit = (spec: CommandSpec, path: string[], spellings: string[]) => {
    const subcommands = (spec.subcommands ?? []).filter((sub) => !sub.hidden);
    const node: CompletionCommand = {
      path: path.join(' '),
      spellings,
      subcommands: subcommands.map((sub) => ({
        names: [sub.name, ...(sub.aliases ?? [])],
        description: sub.description,
      })),
      options: listedOptions(spec, path.length === 0, tree.globals).map(completionOption),
      args: (spec.args ?? []).map((arg) => ({
        variadic: arg.variadic === true,
        ...(arg.values ? { values: arg.values } : {}),
      })),
    };
    commands.push(node);
    for (const sub of subcommands) {
      const names = [sub.name, ...(sub.aliases ?? [])];
      const subSpellings = spellings.flatMap((spelling) =>
        names.map((name) => (spelling ? `${spelling} ${name}` : name)),
      );
      visit(sub, [...path, sub.name], subSpellings);
    }
  };
  visit(tree.root, [], ['']);
  return { commands, shared: [...tree.globals.always, ...tree.globals.forWrites].map(completionOption) };
}

export function completionCommand(tree: () => CommandTree): CommandSpec {
  return command({
    name: 'completion',
    description: 'print the shell completion script for bash, zsh or fish',
    examples: ['authdeck completion fish > ~/.config/fish/completions/authdeck.fish'],
    helpSections: [
      {
        title: 'Install (then open a new shell; again after upgrading authdeck)',
        lines: [
          'bash  mkdir -p ~/.local/share/bash-completion/completions',
          '      authdeck completion bash > ~/.local/share/bash-completion/completions/authdeck',
          "      (without the bash-completion package: echo 'source <(authdeck completion bash)' >> ~/.bashrc)",
          'zsh   mkdir -p ~/.zfunc && authdeck completion zsh > ~/.zfunc/_authdeck',
          '      and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)',
          '      (or in ~/.zshrc, after compinit: source <(authdeck completion zsh))',
          'fish  mkdir -p ~/.config/fish/completions',
          '      authdeck completion fish > ~/.config/fish/completions/authdeck.fish',
        ],
      },
      {
        title: 'What it completes',
        lines: [
          'commands, options, and the values of options and arguments: providers, auth choices, methods,',
          "agents, and the agent's profile ids (asked of authdeck on each Tab: never a secret, and a store",
          'that cannot be read completes nothing)',
        ],
      },
    ],
    args: [{ name: 'shell', required: true, values: SHELLS }],
    run: async (ctx, _options, [shell]) => {
      if (!(SHELLS as readonly string[]).includes(shell ?? ''))
        throw new UsageError(`completion: no script for the shell "${shell}"; use bash, zsh or fish`);
      ctx.io.stdout.write(completionScript(shell as Shell, completionModel(tree())));
      return 0;
    },
  });
}
