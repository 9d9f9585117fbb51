#!/usr/bin/env node
// A school's words live in its plan, never in code (ARCHITECTURE.md,
// Invariants). Fails when a string literal in src/ or in the domain's
// non-test code names a bundled plan's school, people, phone numbers,
// records system, plan id or document ids.
//
//   node scripts/school-words.mjs [root]   (root: the repository, by default this one)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? fileURLToPath(new URL('../', import.meta.url));

/** What a plan says about its school: [word, why] pairs. */
function schoolWords(plan) {
  const words = [[plan.id, 'plan id'], [plan.meta.school, 'school']];
  for (const doc of plan.documents) words.push([doc.id, 'document id'], [doc.file, 'source file']);
  const roleNames = new Set(plan.roles.map((r) => r.name));
  for (const c of plan.contacts ?? []) {
    // A contact named as its role ("Politiet") is no one's name.
    if (!roleNames.has(c.name)) words.push([c.name, 'person']);
    words.push([c.phone, 'phone']);
    const digits = c.phone.replace(/\D/g, '');
    // As a tel: link or a test would write it (not verbatim in the plan).
    if (digits !== c.phone && digits.length >= 5) words.push([digits, 'phone', 'derived']);
  }
  if (plan.documentation?.system) words.push([plan.documentation.system, 'records system']);
  return words.filter(([w]) => w);
}

function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rustFiles(path);
    return name.endsWith('.rs') ? [path] : [];
  });
}

/** The string literals of a Rust file, without its `#[cfg(test)]` items. */
function literals(source) {
  // A test module runs to its closing brace at the start of a line; every
  // crate here keeps it last, so cutting from the attribute is enough.
  const cut = source.search(/^\s*#\[cfg\(test\)\]/m);
  const code = (cut < 0 ? source : source.slice(0, cut))
    // Comments blanked, their line breaks kept so line numbers hold.
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''))
    .replace(/^[ \t]*\/\/.*$/gm, '');
  const found = [];
  const re = /r(#*)"([\s\S]*?)"\1|"((?:[^"\\]|\\[\s\S])*)"/g;
  for (const m of code.matchAll(re)) {
    const line = code.slice(0, m.index).split('\n').length;
    found.push({ text: m[2] ?? m[3], line });
  }
  return found;
}

const planDir = join(root, 'assets/plans');
const plans = readdirSync(planDir).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(planDir, f), 'utf8')));
const words = plans.flatMap(schoolWords);
// Not vacuous: the words must come from the plans, and the check must see them.
const haystack = plans.map((p) => JSON.stringify(p)).join('\n');
const missing = words.filter(([w, , derived]) => !derived && !haystack.includes(JSON.stringify(w).slice(1, -1)));
if (plans.length === 0 || words.length < plans.length || missing.length) {
  console.error(`school-words: no school words read from ${planDir}`, missing);
  process.exit(2);
}

const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole words, case as the plan writes them; ids in any case.
const patterns = words.map(([word, why]) => ({
  word,
  why,
  re: new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(word)}(?![\\p{L}\\p{N}_])`, why.endsWith('id') ? 'iu' : 'u'),
}));

const files = ['src', 'crates/domain/src'].flatMap((d) => rustFiles(join(root, d)));
let failures = 0;
let scanned = 0;
for (const file of files) {
  for (const { text, line } of literals(readFileSync(file, 'utf8'))) {
    scanned += 1;
    for (const { word, why, re } of patterns) {
      if (re.test(text)) {
        failures += 1;
        console.error(`${file.slice(root.length).replace(/^\//, '')}:${line}: names a bundled plan's ${why} «${word}»: ${JSON.stringify(text)}`);
      }
    }
  }
}
if (scanned === 0) {
  console.error('school-words: no string literals found');
  process.exit(2);
}
if (failures) {
  console.error(`\n${failures} string literal(s) name a school. Its words belong in its plan (assets/plans/), read through the plan.`);
  process.exit(1);
}
console.log(`school-words: ${words.length} words of ${plans.length} plans, none in ${scanned} string literals of ${files.length} files`);
