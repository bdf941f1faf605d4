import { type CompletionModel, type SourceArm, sourceTable, valueOptionNames } from './model.js';

/** A word for bash or zsh, taken literally. */
export function shQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A `case` pattern for bash or zsh: the spelling `*` and a key's trailing `*` stay wildcards. */
export function shPattern(spelling: string, key?: string): string {
  if (key === undefined) return shQuote(spelling);
  const wildEnd = key.endsWith('*');
  const text = `${spelling === '*' ? '' : spelling}|${wildEnd ? key.slice(0, -1) : key}`;
  return `${spelling === '*' ? '*' : ''}${shQuote(text)}${wildEnd ? '*' : ''}`;
}

export function shSourceArms(arms: SourceArm[]): string[] {
  return arms.map(
    (arm) =>
      `    ${arm.patterns.map((pattern) => shPattern(pattern.spelling, pattern.key)).join('|')}) _ad_src=${shQuote(arm.code)} ;;`,
  );
}

/** The shell function both bash and zsh scripts use to ask `authdeck __complete` (the same syntax in both). */
export const ASK_FUNCTION = `# Asks authdeck for values (profile ids, agents, providers): one per line, nothing on any error.
__authdeck_ask() {
  local prog=$2
  [[ $prog == '~/'* ]] && prog=$HOME/\${prog:2}
  "$prog" __complete "$1" "\${@:3}" 2>/dev/null </dev/null
}
`;

/**
 * bash: a function bound with `complete -F`. It splits the line itself (COMP_WORDS cuts
 * `anthropic:work` at the colon) and, since readline replaces only the text after the last
 * COMP_WORDBREAKS character, drops that much from each reply.
 */
export function bashScript(model: CompletionModel): string {
  const nodes = model.commands.map((command) => {
    const subs = command.subcommands.flatMap((sub) => sub.names).join(' ');
    const opts = command.options.flatMap((option) => option.names).join(' ');
    const vopts = valueOptionNames(model, command);
    const patterns = command.spellings.map((spelling) => shPattern(spelling)).join('|');
    return `    ${patterns}) _ad_subs=${shQuote(subs)} _ad_opts=${shQuote(opts)} _ad_vopts=${shQuote(`|${vopts.join('|')}|`)} ;;`;
  });
  return `# authdeck completion for bash. Install: see \`authdeck completion --help\`.
# Generated from authdeck's own command specs; values on disk come from \`authdeck __complete\`.

__authdeck_node() {
  case $1 in
${nodes.join('\n')}
    *) _ad_subs='' _ad_opts='' _ad_vopts='' ;;
  esac
}

__authdeck_source() {
  case "$1|$2" in
${shSourceArms(sourceTable(model)).join('\n')}
    *) _ad_src='' ;;
  esac
}

${ASK_FUNCTION}
# Splits the line into words as the shell will (quotes and backslashes; nothing expanded or
# run): \`--state-dir "/srv/open claw"\` is one word. Sets words, and open=1 when the line ends
# inside a word (the one being completed).
__authdeck_split() {
  local s=$1 w='' q='' c i=0 inword=''
  words=()
  while ((i < \${#s})); do
    c=\${s:i:1}
    if [[ $q == "'" ]]; then
      [[ $c == "'" ]] && q='' || w+=$c
    elif [[ $q == '"' ]]; then
      if [[ $c == '"' ]]; then q=''
      elif [[ $c == '\\' ]] && ((i + 1 < \${#s})); then i=$((i + 1)); w+=\${s:i:1}
      else w+=$c; fi
    elif [[ $c == '\\' ]]; then
      i=$((i + 1)); w+=\${s:i:1}; inword=1
    elif [[ $c == "'" || $c == '"' ]]; then
      q=$c; inword=1
    elif [[ $c == [[:space:]] ]]; then
      [[ -n $inword ]] && words+=("$w")
      w='' inword=''
    else
      w+=$c; inword=1
    fi
    i=$((i + 1))
  done
  open=''
  if [[ -n $inword || -n $q ]]; then words+=("$w"); open=1; fi
}

_authdeck() {
  local line=\${COMP_LINE:0:COMP_POINT} cur='' n open
  local -a words
  __authdeck_split "$line"
  n=\${#words[@]}
  if [[ -n $open ]]; then
    cur=\${words[n-1]}
    words=("\${words[@]:0:n-1}")
  fi
  ((\${#words[@]} > 0)) || return 0
  local _ad_subs _ad_opts _ad_vopts _ad_src cmd='' pending='' ended='' w i
  n=0
  for ((i = 1; i < \${#words[@]}; i++)); do
    w=\${words[i]}
    if [[ -n $pending ]]; then pending=''; continue; fi
    __authdeck_node "$cmd"
    if [[ -z $ended ]]; then
      if [[ $w == -- ]]; then ended=1; continue; fi
      if [[ $w == -* ]]; then
        [[ $w != *=* && $_ad_vopts == *"|$w|"* ]] && pending=$w
        continue
      fi
      if ((n == 0)) && [[ " $_ad_subs " == *" $w "* ]]; then cmd=\${cmd:+$cmd }$w; continue; fi
    fi
    n=$((n + 1))
  done
  __authdeck_node "$cmd"
  local prefix='' list='' src='' full=$cur
  if [[ -n $pending ]]; then
    __authdeck_source "$cmd" "$pending"; src=$_ad_src
  elif [[ -z $ended && $cur == --*=* ]]; then
    prefix=\${cur%%=*}=
    __authdeck_source "$cmd" "\${cur%%=*}"; src=$_ad_src
    cur=\${cur#*=}
  elif [[ -z $ended && $cur == -* ]]; then
    list=$_ad_opts
  elif [[ -n $_ad_subs ]]; then
    ((n == 0)) && list=$_ad_subs
  else
    __authdeck_source "$cmd" "#$((n + 1))"; src=$_ad_src
    [[ -z $src && -z $ended ]] && list=$_ad_opts
  fi
  COMPREPLY=()
  case $src in
    '' | -) ;;
    @files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return 0 ;;
    @directories) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return 0 ;;
    @*) list=$(__authdeck_ask "\${src#@}" "\${words[@]}") ;;
    *) list=$src ;;
  esac
  [[ $src == @* ]] || list=\${list// /$'\\n'}
  local wb=\${COMP_WORDBREAKS//[^:=]/} strip='' c
  [[ -n $wb && $full == *[$wb]* ]] && strip=\${full%"\${full##*[$wb]}"}
  while IFS= read -r c; do
    [[ -n $c && $c == "$cur"* ]] || continue
    c=$prefix$c
    COMPREPLY+=("\${c#"$strip"}")
  done <<<"$list"
  return 0
}

complete -F _authdeck authdeck
`;
}
