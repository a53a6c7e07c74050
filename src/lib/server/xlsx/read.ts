import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CellValue } from 'exceljs';
import { inspectZip, verifyZip, ZIP_LIMITS, type ZipLimits, type ZipProblem } from './zip';

/**
 * Uploaded workbooks (XLSForms, logframes) read safely: the archive's directory checked, every
 * entry's true size checked off the event loop, then the spreadsheet library run in a worker
 * thread with its own memory ceiling and a time limit. The server keeps answering everyone else
 * however hostile the file; what comes back is plain data, one array of cells per row.
 */

export interface SheetCell {
	value: CellValue;
	/** Excel's number format, where the cell has one ("0%" turns 0.45 into the 45 typed). */
	numFmt?: string;
}

export interface SheetRow {
	/** 1-based spreadsheet row. */
	number: number;
	/** By column, 0-based; a hole or undefined is an empty cell. */
	cells: (SheetCell | undefined)[];
}

export interface Sheet {
	name: string;
	columnCount: number;
	/** Rows with at least one value, in order. */
	rows: SheetRow[];
}

export type WorkbookProblem = ZipProblem | 'tooComplex';

export type WorkbookRead = { ok: true; sheets: Sheet[] } | { ok: false; problem: WorkbookProblem };

export interface ReadLimits extends ZipLimits {
	/** The worker's JavaScript heap. */
	heapMb: number;
	/** Wall time for the spreadsheet library, in ms. */
	timeMs: number;
}

export const READ_LIMITS: ReadLimits = { ...ZIP_LIMITS, heapMb: 512, timeMs: 60_000 };

/** Workbooks read at once; more wait their turn (each worker may use `heapMb`). */
/** Workbooks read at once; more wait their turn (each worker may use `heapMb`). */
const AT_ONCE = 2;
/** A worker kept after its last workbook, so that a run of imports pays its start once. */
const IDLE_MS = 30_000;

/**
 * The worker, as CommonJS source (a worker must be a file or a script, and the server bundle has
 * no file of its own to point at). exceljs comes from node_modules by the path resolved here.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
async function read(bytes) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes);
	return workbook.worksheets.map((ws) => {
		const rows = [];
		ws.eachRow((row, number) => {
			const cells = [];
			row.eachCell((cell, column) => {
				cells[column - 1] = cell.numFmt && cell.numFmt !== 'General'
					? { value: cell.value, numFmt: cell.numFmt }
					: { value: cell.value };
			});
			rows.push({ number, cells });
		});
		return { name: ws.name, columnCount: ws.columnCount, rows };
	});
}
// A zip of something else (a .docx, a plain archive) loads as a workbook without sheets.
async function answer(bytes) {
	const sheets = await read(bytes);
	return sheets.length ? { ok: true, sheets } : { ok: false, problem: 'notZip' };
}
parentPort.on('message', (bytes) =>
	answer(bytes).then(
		(result) => parentPort.postMessage(result),
		() => parentPort.postMessage({ ok: false, problem: 'notZip' })
	)
);
`;

let exceljsPath: string | undefined;
const idle: { worker: Worker; heapMb: number; timer: NodeJS.Timeout }[] = [];
let started = 0;
const waiting: (() => void)[] = [];

/** Reads an .xlsx; never throws on a bad file and never holds the event loop for long. */
export async function readWorkbook(
	bytes: Uint8Array,
	limits: ReadLimits = READ_LIMITS
): Promise<WorkbookRead> {
	const directory = inspectZip(bytes, limits);
	if (!directory.ok) return directory;
	const lie = await verifyZip(bytes, directory.entries);
	if (lie) return { ok: false, problem: lie };
	const worker = await takeWorker(limits);
	// A copy the worker owns: the caller's bytes stay usable.
	const copy = bytes.slice();
	return new Promise((resolve) => {
		const done = (result: WorkbookRead, healthy: boolean) => {
			clearTimeout(timer);
			worker.off('message', onMessage).off('error', onError).off('exit', onExit);
			if (healthy) giveBack(worker);
			else void worker.terminate().finally(release);
			resolve(result);
		};
		const onMessage = (result: WorkbookRead) => done(result, true);
		// Out of its memory: a workbook of more cells than any form or logframe has.
		const onError = (e: NodeJS.ErrnoException) =>
			done(
				{ ok: false, problem: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'tooComplex' : 'notZip' },
				false
			);
		const onExit = () => done({ ok: false, problem: 'tooComplex' }, false);
		const timer = setTimeout(
			() => done({ ok: false, problem: 'tooComplex' }, false),
			limits.timeMs
		);
		worker.on('message', onMessage).on('error', onError).on('exit', onExit);
		worker.ref();
		worker.postMessage(copy, [copy.buffer]);
	});
}

/** An idle worker of the pool, a new one while fewer than AT_ONCE run, or the next one free. */
async function takeWorker(limits: ReadLimits): Promise<Worker> {
	for (;;) {
		const same = idle.findIndex((k) => k.heapMb === limits.heapMb);
		// A worker started with another memory ceiling makes way for one with this one.
		const kept = idle.splice(same >= 0 ? same : 0, 1)[0];
		if (kept) clearTimeout(kept.timer);
		if (kept && same >= 0) return kept.worker;
		if (kept) await kept.worker.terminate().finally(() => started--);
		if (started < AT_ONCE) break;
		await new Promise<void>((resolve) => waiting.push(resolve));
	}
	started++;
	exceljsPath ??= createRequire(import.meta.url).resolve('exceljs');
	const worker = new Worker(WORKER, {
		eval: true,
		workerData: { exceljs: exceljsPath },
		resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
		stdout: true,
		stderr: true
	});
	heaps.set(worker, limits.heapMb);
	return worker;
}

const heaps = new WeakMap<Worker, number>();

function giveBack(worker: Worker) {
	// An idle worker never keeps the process alive (a CLI import, a test run).
	worker.unref();
	const timer = setTimeout(() => {
		const at = idle.findIndex((k) => k.worker === worker);
		if (at < 0) return;
		idle.splice(at, 1);
		void worker.terminate().finally(release);
	}, IDLE_MS);
	timer.unref();
	idle.push({ worker, heapMb: heaps.get(worker)!, timer });
	waiting.shift()?.();
}

/** A worker gone: its place in the pool is free for the next one waiting. */
function release() {
	started--;
	waiting.shift()?.();
}

/** The cell of a row at a 0-based column, or undefined for an empty one. */
export function cellAt(row: SheetRow | undefined, column: number): SheetCell | undefined {
	return row?.cells[column];
}
