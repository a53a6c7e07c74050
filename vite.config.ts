import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/*.test.ts'],
		environment: 'node',
		// Database tests each open their own PGlite; two workers suit a 2-core machine.
		pool: 'forks',
		maxWorkers: 2,
		testTimeout: 20_000,
		hookTimeout: 60_000,
		globalSetup: ['src/lib/server/db/testing/global-setup.ts']
	}
});
