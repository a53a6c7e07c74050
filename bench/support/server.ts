/**
 * The production server for a benchmark: a fresh PostgreSQL database on loopback, `node build`
 * on 127.0.0.1, and a guaranteed clean-up (server stopped, database dropped) even on failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Builds the app when there is no build yet. */
export function ensureBuild() {
	if (fs.existsSync(path.join(ROOT, 'build/handler.js'))) return;
	spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: ROOT,
		stdio: 'inherit'
	});
}

/**
 * Runs `work` against a server on `port` with its own database `name`; `args` go before
 * `build` (e.g. --cpu-prof), `env` is added to the server's environment.
 */
export async function withServer<T>(
	options: { name: string; port: number; env?: Record<string, string>; args?: string[] },
	work: (context: { base: string; databaseUrl: string; server: ChildProcess }) => Promise<T>
): Promise<T> {
	const base = `http://127.0.0.1:${options.port}`;
	const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${options.name} with (force)`);
	await admin.unsafe(`create database ${options.name}`);
	const url = new URL(PG_URL);
	url.pathname = `/${options.name}`;
	let server: ChildProcess | undefined;
	try {
		server = spawn(process.execPath, [...(options.args ?? []), 'build'], {
			cwd: ROOT,
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: String(options.port),
				ORIGIN: base,
				DATABASE_URL: url.toString(),
				ADMIN_PASSWORD: 'quiet-harbour-lantern-27',
				// A benchmark never sends SMS to a provider.
				SMS_WORKER: 'off',
				...options.env
			},
			// stdout carries the demo sign-in; errors still show.
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await healthy(server, base);
		return await work({ base, databaseUrl: url.toString(), server });
	} finally {
		if (server && server.exitCode === null && !server.signalCode) {
			const exited = new Promise((r) => server!.once('exit', r));
			server.kill('SIGTERM');
			const timer = setTimeout(() => server!.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		await admin.unsafe(`drop database if exists ${options.name} with (force)`);
		await admin.end();
	}
}

async function healthy(server: ChildProcess, base: string) {
	const started = performance.now();
	while (performance.now() - started < 60_000) {
		if (server.exitCode !== null || server.signalCode)
			throw new Error(`server exited (${server.exitCode ?? server.signalCode})`);
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('server did not become healthy within 60 s');
}
