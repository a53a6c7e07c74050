import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { PNG_WIDTH, QUIET_ZONE, qrPng, qrShape, qrSvgFile } from './qr';

/** Paints a path of `M x y h n v1 h-n z` runs back into a grid of dark modules. */
function paint(path: string, size: number): boolean[][] {
	const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
	for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g))
		for (let i = 0; i < Number(n); i++) grid[Number(y)]![Number(x) + i] = true;
	return grid;
}

describe('qrShape', () => {
	it.each(['http://localhost:3000/s/demo', 'https://heard.example/i/ABCDE-FGHJK'])(
		'draws exactly the dark modules of %s, inside a four-module quiet zone',
		(text) => {
			const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
			const { size, path } = qrShape(text);
			expect(size).toBe(modules.size + 2 * QUIET_ZONE);
			// Every run is well formed: nothing of the path is lost when painting it back.
			expect(path.replace(/M\d+ \d+h(\d+)v1h-\1z/g, '')).toBe('');
			const grid = paint(path, size);
			for (let y = 0; y < size; y++)
				for (let x = 0; x < size; x++) {
					const inside =
						x >= QUIET_ZONE && y >= QUIET_ZONE && x < size - QUIET_ZONE && y < size - QUIET_ZONE;
					const dark = inside && !!modules.get(y - QUIET_ZONE, x - QUIET_ZONE);
					expect(grid[y]![x], `${x},${y}`).toBe(dark);
				}
		}
	);
});

describe('downloads', () => {
	it('writes a standalone SVG file with a white background', () => {
		const svg = qrSvgFile('http://localhost:3000/s/demo');
		expect(svg).toMatch(/^<\?xml /);
		expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(svg).toContain('fill="#fff"');
		expect(svg).toContain(`d="${qrShape('http://localhost:3000/s/demo').path}"`);
	});

	it('writes a square PNG of the stated width', async () => {
		const png = await qrPng('http://localhost:3000/s/demo');
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.toString('ascii', 12, 16)).toBe('IHDR');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([PNG_WIDTH, PNG_WIDTH]);
	});
});
