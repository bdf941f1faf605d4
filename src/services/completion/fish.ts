import { type CompletionModel, oneLine, sourceTable, valueOptionNames } from './model.js';

/** A word for fish, taken literally (inside single quotes only \\ and ' are special). */
function fishQuote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A candidate and its description, as fish shows them: separated by a tab. */
function described(word: string, description: string): string {
  return `${fishQuote(word)}\\t${fishQuote(oneLine(description))}`;
}

/** A `case` pattern for fish: `*` is a wildcard even quoted, and no name holds one. */
function fishPattern(spelling: string, key: string): string {
  return fishQuote(`${spelling}|${key}`);
}

/**
 * fish: one function that prints the candidates for the line (with descriptions), bound with
 * `complete -a`; fish filters them by what is typed.
 */
export function fishScript(model: CompletionModel): string {
  const nodes = model.commands.map((command) => {
    const words = command.subcommands.flatMap((sub) => sub.names);
    const subs = command.subcommands.flatMap((sub) => sub.names.map((name) => described(name, sub.description)));
    const opts = command.options.flatMap((option) => option.names.map((name) => described(name, option.description)));
    const vopts = valueOptionNames(model, command);
    return [
      `        case ${command.spellings.map(fishQuote).join(' ')}`,
      `            set -g __authdeck_words ${words.map(fishQuote).join(' ')}`,
      `            set -g __authdeck_subs ${subs.join(' ')}`,
      `            set -g __authdeck_opts ${opts.join(' ')}`,
      `            set -g __authdeck_vopts ${vopts.map(fishQuote).join(' ')}`,
    ]
      .map((line) => line.trimEnd())
      .join('\n');
  });
  const arms = sourceTable(model).map((arm) =>
    [
      `        case ${arm.patterns.map((pattern) => fishPattern(pattern.spelling, pattern.key)).join(' ')}`,
      `            echo ${fishQuote(arm.code)}`,
    ].join('\n'),
  );
  return `# authdeck completion for fish. Install: see \`authdeck completion --help\`.
# Generated from authdeck's own command specs; values on disk come from \`authdeck __complete\`.

function __authdeck_node
    set -g __authdeck_words
    set -g __authdeck_subs
    set -g __authdeck_opts
    set -g __authdeck_vopts
    switch $argv[1]
${nodes.join('\n')}
    end
end

function __authdeck_source
    switch "$argv[1]|$argv[2]"
${arms.join('\n')}
    end
end

# Asks authdeck for values (profile ids, agents, providers): one per line, nothing on any error.
function __authdeck_ask
    set -l prog $argv[2]
    string match -q -- '~/*' "$prog"; and set prog $HOME/(string sub -s 3 -- "$prog")
    $prog __complete $argv[1] $argv[3..-1] 2>/dev/null </dev/null
end

function __authdeck_complete
    set -l line (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd ''
    set -l pending ''
    set -l ended ''
    set -l n 0
    for w in $line[2..-1]
        if test -n "$pending"
            set pending ''
            continue
        end
        __authdeck_node "$cmd"
        if test -z "$ended"
            if test "$w" = --
                set ended 1
                continue
            end
            if string match -q -- '-*' "$w"
                if not string match -q -- '*=*' "$w"; and contains -- "$w" $__authdeck_vopts
                    set pending "$w"
                end
                continue
            end
            if test $n -eq 0; and contains -- "$w" $__authdeck_words
                set cmd (string trim -- "$cmd $w")
                continue
            end
        end
        set n (math $n + 1)
    end
    __authdeck_node "$cmd"
    set -l src ''
    set -l prefix ''
    if test -n "$pending"
        set src (__authdeck_source "$cmd" "$pending")
    else if test -z "$ended"; and string match -q -- '--*=*' "$cur"
        set prefix (string replace -r '=.*' '=' -- "$cur")
        set src (__authdeck_source "$cmd" (string replace -r '=.*' '' -- "$cur"))
    else if test -z "$ended"; and string match -q -- '-*' "$cur"
        string join \\n -- $__authdeck_opts
        return
    else if set -q __authdeck_words[1]
        test $n -eq 0; and string join \\n -- $__authdeck_subs
        return
    else
        set src (__authdeck_source "$cmd" "#"(math $n + 1))
        if test -z "$src" -a -z "$ended"
            string join \\n -- $__authdeck_opts
            return
        end
    end
    set -l token (string sub -s (math (string length -- "$prefix") + 1) -- "$cur")
    switch "$src"
        case '' '-'
        case '@files'
            __fish_complete_path "$token" | string replace -r -- '^' "$prefix"
        case '@directories'
            __fish_complete_directories "$token" | string replace -r -- '^' "$prefix"
        case '@*'
            for value in (__authdeck_ask (string sub -s 2 -- "$src") $line)
                printf '%s%s\\n' "$prefix" "$value"
            end
        case '*'
            for value in (string split ' ' -- "$src")
                printf '%s%s\\n' "$prefix" "$value"
            end
    end
end

complete -c authdeck -e
complete -c authdeck -f -a '(__authdeck_complete)'
`;
}
