import QRCode from 'qrcode';

/**
 * QR codes for open links and printed code cards. Drawn from the library's module matrix so the
 * page can inline them as SVG (no image requests, nothing for the CSP to allow) and the
 * downloads keep the four-module quiet zone scanners need.
 */

/** Modules of white border around the symbol: the minimum the QR standard asks for. */
export const QUIET_ZONE = 4;
/** Pixel width of the downloadable PNG: sharp when printed a few centimetres wide. */
export const PNG_WIDTH = 1024;

export interface QrShape {
	/** Width and height in modules, quiet zone included (the SVG viewBox). */
	size: number;
	/** One path of filled unit squares, one run of dark modules at a time. */
	path: string;
}

/** Medium error correction: survives a crease or a smudge on a printed card. */
const OPTIONS = { errorCorrectionLevel: 'M' } as const;

/** The dark modules of `text` as an SVG path, offset by the quiet zone. */
export function qrShape(text: string): QrShape {
	const { modules } = QRCode.create(text, OPTIONS);
	const n = modules.size;
	let path = '';
	for (let row = 0; row < n; row++) {
		let col = 0;
		while (col < n) {
			if (!modules.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < n && modules.get(row, col)) col++;
			path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
		}
	}
	return { size: n + 2 * QUIET_ZONE, path };
}

/** A standalone SVG file of the code, black on white. */
export function qrSvgFile(text: string): string {
	const { size, path } = qrShape(text);
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" ` +
		`width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges">` +
		`<rect width="${size}" height="${size}" fill="#fff"/>` +
		`<path fill="#000" d="${path}"/></svg>\n`
	);
}

/** A PNG of the code, PNG_WIDTH pixels square, quiet zone included. */
export function qrPng(text: string): Promise<Buffer> {
	return QRCode.toBuffer(text, {
		...OPTIONS,
		type: 'png',
		width: PNG_WIDTH,
		margin: QUIET_ZONE
	});
}
