/**
 * Finds and launches Debian's Chromium for the browser suite and the screenshot script. Nothing
 * is downloaded: `npx playwright install` cannot reach its CDN here, nor behind most firewalls.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Flags that keep Chromium from reaching any host at start and make it run as root in CI. */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * `CHROMIUM_PATH` when set (and it must then exist), otherwise the first Chromium on `PATH`.
 * Returns a reason instead of a path when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string } | { missing: string } {
	if (env.CHROMIUM_PATH) {
		return executable(env.CHROMIUM_PATH)
			? { path: env.CHROMIUM_PATH }
			: { missing: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which is not an executable file` };
	}
	for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
		for (const name of names) {
			const candidate = path.join(dir, name);
			if (executable(candidate)) return { path: candidate };
		}
	}
	return {
		missing:
			'no Chromium found on PATH (looked for chromium, chromium-browser, google-chrome). Install it with ' +
			'`apt-get install -y chromium` or set CHROMIUM_PATH; set OPSBOOK_SKIP_BROWSER=1 to skip the browser suite',
	};
}

export function launchChromium(executablePath: string): Promise<Browser> {
	return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}
