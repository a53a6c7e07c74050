/**
 * Cold- and warm-start time of the production server, to the first healthy answer.
 * `npm run bench:startup` (builds first if needed). Prints figures; never fails on them.
 *
 *   cold  = empty database: (PGlite initdb +) migrations + demo seed + listen
 *   warm  = same database again: open + nothing to migrate + listen
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.RUNS ?? 3);
const PORT = 3990;

if (!fs.existsSync(path.join(ROOT, 'build/handler.js'))) {
	spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: ROOT,
		stdio: 'inherit'
	});
}

async function timeToHealthy(env: Record<string, string>): Promise<number> {
	const started = performance.now();
	const server = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		env: { ...process.env, ...env, PORT: String(PORT), ORIGIN: `http://localhost:${PORT}` },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		while (performance.now() - started < 60_000) {
			try {
				const response = await fetch(`http://127.0.0.1:${PORT}/healthz`);
				if (response.ok) return performance.now() - started;
			} catch {
				/* not listening yet */
			}
			await new Promise((r) => setTimeout(r, 10));
		}
		throw new Error('server did not become healthy within 60 s');
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) =>
	`median ${median(xs).toFixed(0)} ms  (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;

async function pglite() {
	const cold: number[] = [];
	const warm: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-bench-'));
		const env = { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
		cold.push(await timeToHealthy(env));
		warm.push(await timeToHealthy(env));
		fs.rmSync(dir, { recursive: true, force: true });
	}
	console.log(`PGlite      cold: ${fmt(cold)}`);
	console.log(`PGlite      warm: ${fmt(warm)}`);
}

async function postgresql() {
	const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
	try {
		await admin`select 1`;
	} catch {
		console.log(`PostgreSQL  skipped: nothing answers at ${PG_URL}`);
		await admin.end();
		return;
	}
	const cold: number[] = [];
	const warm: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const name = `heard_bench_startup_${i}`;
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
		const url = new URL(PG_URL);
		url.pathname = `/${name}`;
		const env = { DATABASE_URL: url.toString() };
		cold.push(await timeToHealthy(env));
		warm.push(await timeToHealthy(env));
		await admin.unsafe(`drop database ${name} with (force)`);
	}
	await admin.end();
	console.log(`PostgreSQL  cold: ${fmt(cold)}`);
	console.log(`PostgreSQL  warm: ${fmt(warm)}`);
}

console.log(
	`Heard start-up to first healthy /healthz, ${RUNS} runs each, ${os.cpus().length} cores`
);
await pglite();
await postgresql();
