/**
 * The content loader as the snapshot tool uses it: a dataset declaration is found by its id, must
 * pass its schema, and must carry the id its file is named by — each refusal in one exact line.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatasetError, loadDataset } from '../../src/lib/content/datasets.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
const file = (name: string) => path.join(dir, 'src/content/datasets', name);

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'opsbook-content-'));
	await cp(path.join(root, 'src/content/datasets'), path.join(dir, 'src/content/datasets'), { recursive: true });
	const bot = await readFile(file('bot_service_daily.yaml'), 'utf8');
	// A copy that kept its old id, and one whose grain was left empty.
	await writeFile(file('bot_service_hourly.yaml'), bot);
	await writeFile(file('bot_service_weekly.yaml'), bot.replace('id: bot_service_daily', 'id: bot_service_weekly').replace(/^grain: .*$/m, 'grain: ""'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadDataset', () => {
	test('reads a declaration by its id', async () => {
		await expect(loadDataset(dir, 'bot_service_daily')).resolves.toMatchObject({ id: 'bot_service_daily', grain: 'one market × intent × day' });
	});

	test("a declaration whose id is not its file's name is refused, at the id's line", async () => {
		const error = await loadDataset(dir, 'bot_service_hourly').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DatasetError);
		expect((error as Error).message).toBe(
			'src/content/datasets/bot_service_hourly.yaml:2:5: the dataset\'s id is "bot_service_daily", but its file is named bot_service_hourly.yaml; a dataset\'s id is its file name: rename one to match',
		);
	});

	test('an invalid declaration names its first problem, and how many more there are', async () => {
		await expect(loadDataset(dir, 'bot_service_weekly')).rejects.toThrow(
			new DatasetError('invalid dataset declaration: src/content/datasets/bot_service_weekly.yaml:4:8: grain expected a non-empty text, found ""'),
		);
	});

	test('an unknown id lists the declared ones', async () => {
		await expect(loadDataset(dir, 'nope')).rejects.toThrow(/^unknown dataset "nope": no src\/content\/datasets\/nope\.yaml \(declared: bot_service_daily, bot_service_hourly, bot_service_weekly, /);
	});
});

describe('the placeholder grammar of reply texts', () => {
	test('a placeholder is a snake_case name in double braces, and nothing else is', async () => {
		const { splitPlaceholders, strayBrace, usedPlaceholders } = await import('../../src/lib/content/placeholders.ts');
		expect(splitPlaceholders('Hi {{creator_name}}, see {{link}}.')).toEqual([
			{ text: 'Hi ' },
			{ text: '{{creator_name}}', placeholder: 'creator_name' },
			{ text: ', see ' },
			{ text: '{{link}}', placeholder: 'link' },
			{ text: '.' },
		]);
		expect(usedPlaceholders('{{a}} {{b_2}} {{a}}')).toEqual(['a', 'b_2']);
		for (const [text, index] of [['Hi {{ name }}', 3], ['see {link}}', 4], ['{{Name}}', 0], ['{{a__b}}', 0], ['ok {{a}} }', 9]] as const) {
			expect(strayBrace(text)?.index, text).toBe(index);
			expect(usedPlaceholders(text), text).toEqual(text.includes('{{a}}') ? ['a'] : []);
		}
		expect(strayBrace('{{a}} and {{b}}')).toBeUndefined();
	});
});
