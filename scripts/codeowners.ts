/** npm run codeowners: writes .github/CODEOWNERS from the pages' owners and the teams' reviewers. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadHandbook, Report } from '../src/lib/checks/handbook.ts';
import { codeowners, codeownersFile } from '../src/lib/checks/codeowners.ts';

const root = path.resolve(import.meta.dirname, '..');
const { handbook } = await loadHandbook(root, new Report());
await mkdir(path.join(root, '.github'), { recursive: true });
const text = codeowners(handbook);
await writeFile(path.join(root, codeownersFile), text);
console.log(`codeowners: wrote ${codeownersFile} (${text.split('\n').filter((line) => line.startsWith('/')).length} pages)`);
