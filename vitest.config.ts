import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					// One Chromium and one server for the whole suite; files run one after another.
					fileParallelism: false,
					testTimeout: 90_000,
					hookTimeout: 90_000,
					// Reads of the page go through expect.poll, which retries until the page agrees (a
					// script may still be filling it in) instead of judging the first read.
					expect: { poll: { timeout: 10_000 } },
				},
			},
		],
	},
});
