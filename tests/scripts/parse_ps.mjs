// parse_ps.mjs [--forbid-command NAME]... FILE|DIR...: parses every .ps1 with the
// tree-sitter PowerShell grammar and prints each file's verdict. Exits 1 when a file does not
// parse, when a command named NAME appears anywhere in a script (plan text that became code),
// or when a {placeholder} of a profile command is left unfilled in the script.
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell/bindings/node/index.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const forbidden = new Set();
const files = [];
const args = process.argv.slice(2);
function walk(p) {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) walk(join(p, e));
  } else if (p.endsWith('.ps1')) {
    files.push(p);
  }
}
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--forbid-command') forbidden.add(args[++i].toLowerCase());
  else walk(args[i]);
}
if (files.length === 0) {
  console.error('parse_ps: no .ps1 file found');
  process.exit(1);
}

const parser = new Parser();
parser.setLanguage(PowerShell);

function firstError(n) {
  if (n.type === 'ERROR' || n.isMissing) return n;
  for (const c of n.children) {
    if (c.hasError || c.isMissing) {
      const e = firstError(c);
      if (e) return e;
    }
  }
  return null;
}
function commandNames(n, out) {
  if (n.type === 'command_name') out.push(n.text);
  for (const c of n.children) commandNames(c, out);
  return out;
}
const where = (f, n) => `${f}:${n.startPosition.row + 1}:${n.startPosition.column + 1}`;

let failed = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const tree = parser.parse(text, null, { bufferSize: Math.max(1 << 16, 2 * text.length) });
  const problems = [];
  if (tree.rootNode.hasError) {
    const e = firstError(tree.rootNode) || tree.rootNode;
    problems.push(`${where(f, e)}: syntax error near '${e.text.slice(0, 60)}'`);
  }
  for (const name of commandNames(tree.rootNode, [])) {
    if (forbidden.has(name.toLowerCase())) problems.push(`${f}: plan text became the command '${name}'`);
  }
  const unfilled = text.match(/\{(server|pool|sql-instance|share|location|store|item|file|database|backup|offsite-location|retention|retention-cutoff|partner-pool|mirror|primary|file-store|[a-z]+-file)\}/);
  if (unfilled) problems.push(`${f}: unfilled placeholder ${unfilled[0]}`);
  if (problems.length) {
    failed++;
    for (const p of problems) console.log(p);
  } else {
    console.log(`${f}: ok`);
  }
}
console.log(`parse_ps: ${files.length} scripts, ${failed} failed`);
process.exit(failed ? 1 : 0);
