import { ASK_FUNCTION, shPattern, shQuote, shSourceArms } from './bash.js';
import { type CompletionModel, oneLine, sourceTable, valueOptionNames } from './model.js';

/** An entry for `_describe`: a colon in the word would end it early. */
function described(word: string, description: string): string {
  return shQuote(`${word.replaceAll(':', '\\:')}:${oneLine(description)}`);
}

/**
 * zsh: a function for compsys, loadable both ways zsh users install completions: as the file
 * `_authdeck` on $fpath (compinit autoloads it from its `#compdef` line) or sourced after compinit.
 */
export function zshScript(model: CompletionModel): string {
  const nodes = model.commands.map((command) => {
    const words = command.subcommands.flatMap((sub) => sub.names);
    const subs = command.subcommands.flatMap((sub) => sub.names.map((name) => described(name, sub.description)));
    const opts = command.options.flatMap((option) => option.names.map((name) => described(name, option.description)));
    const vopts = valueOptionNames(model, command);
    const patterns = command.spellings.map((spelling) => shPattern(spelling)).join('|');
    return [
      `    (${patterns})`,
      `      _ad_words=(${words.map(shQuote).join(' ')})`,
      `      _ad_subs=(${subs.join(' ')})`,
      `      _ad_opts=(${opts.join(' ')})`,
      `      _ad_vopts=(${vopts.map(shQuote).join(' ')}) ;;`,
    ].join('\n');
  });
  const arms = shSourceArms(sourceTable(model)).map((arm) => arm.replace(/^ {4}/, '    ('));
  return `#compdef authdeck
# authdeck completion for zsh. Install: see \`authdeck completion --help\`.
# Generated from authdeck's own command specs; values on disk come from \`authdeck __complete\`.

__authdeck_node() {
  case $1 in
${nodes.join('\n')}
    (*) _ad_words=() _ad_subs=() _ad_opts=() _ad_vopts=() ;;
  esac
}

__authdeck_source() {
  case "$1|$2" in
${arms.join('\n')}
    (*) _ad_src='' ;;
  esac
}

${ASK_FUNCTION}
_authdeck() {
  local -a _ad_words _ad_subs _ad_opts _ad_vopts _ad_line vals
  local _ad_src cmd='' pending='' ended='' src='' cur w
  local -i n=0
  _ad_line=("\${(@Q)words[1,CURRENT-1]}")
  cur=\${(Q)words[CURRENT]}
  for w in "\${(@)_ad_line[2,-1]}"; do
    if [[ -n $pending ]]; then pending=''; continue; fi
    __authdeck_node "$cmd"
    if [[ -z $ended ]]; then
      if [[ $w == -- ]]; then ended=1; continue; fi
      if [[ $w == -* ]]; then
        [[ $w != *=* ]] && (( \${_ad_vopts[(Ie)$w]} )) && pending=$w
        continue
      fi
      if (( n == 0 && \${_ad_words[(Ie)$w]} )); then cmd=\${cmd:+$cmd }$w; continue; fi
    fi
    n+=1
  done
  __authdeck_node "$cmd"
  if [[ -n $pending ]]; then
    __authdeck_source "$cmd" "$pending"; src=$_ad_src
  elif [[ -z $ended && $cur == --*=* ]]; then
    __authdeck_source "$cmd" "\${cur%%=*}"; src=$_ad_src
    compset -P '*='
  elif [[ -z $ended && $cur == -* ]]; then
    _describe -t options option _ad_opts
    return
  elif (( \${#_ad_words} )); then
    (( n == 0 )) && _describe -t commands command _ad_subs
    return
  else
    __authdeck_source "$cmd" "#$((n + 1))"; src=$_ad_src
    if [[ -z $src && -z $ended ]]; then
      _describe -t options option _ad_opts
      return
    fi
  fi
  case $src in
    ('' | -) return 1 ;;
    (@files) _files ;;
    (@directories) _files -/ ;;
    (@*)
      vals=(\${(f)"$(__authdeck_ask \${src#@} "\${_ad_line[@]}")"})
      compadd -a vals ;;
    (*)
      vals=(\${=src})
      compadd -a vals ;;
  esac
}

if [[ $funcstack[1] == _authdeck ]]; then
  _authdeck "$@"
elif (( $+functions[compdef] )); then
  compdef _authdeck authdeck
else
  print -u2 'authdeck: zsh completion needs compinit first (autoload -Uz compinit && compinit)'
fi
`;
}
