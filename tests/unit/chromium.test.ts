import { mkdtemp, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { findChromium } from '../../scripts/chromium.ts';

test('finds chromium on PATH, and CHROMIUM_PATH overrides it', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'opsbook-chromium-'));
	const fake = path.join(dir, 'chromium');
	await writeFile(fake, '#!/bin/sh\n');
	await chmod(fake, 0o755);
	expect(findChromium({ PATH: `/nonexistent:${dir}` })).toEqual({ path: fake });
	expect(findChromium({ PATH: '', CHROMIUM_PATH: fake })).toEqual({ path: fake });
});

test('says what to do when there is no Chromium', () => {
	expect(findChromium({ PATH: '/nonexistent' })).toEqual({
		missing:
			'no Chromium found on PATH (looked for chromium, chromium-browser, google-chrome). Install it with ' +
			'`apt-get install -y chromium` or set CHROMIUM_PATH; set OPSBOOK_SKIP_BROWSER=1 to skip the browser suite',
	});
	expect(findChromium({ PATH: '', CHROMIUM_PATH: '/nope/chrome' })).toEqual({
		missing: 'CHROMIUM_PATH is set to /nope/chrome, which is not an executable file',
	});
});
