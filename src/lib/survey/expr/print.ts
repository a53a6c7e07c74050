import { PRECEDENCE, type Expr } from './ast';

const UNARY = 7;
const PRIMARY = 8;

/**
 * Canonical source text for a tree (column nodes print as bare names, so text holding them
 * reads back with `parse(text, { bareNames: true })`): single spaces around binary operators, `, ` between
 * arguments and only the parentheses the grammar needs, so printing a re-parsed print is a
 * fixed point. Used to normalise expressions for display and diffs.
 */
export function print(ast: Expr): string {
	return printNode(ast).text;
}

interface Printed {
	text: string;
	precedence: number;
}

function printNode(node: Expr): Printed {
	switch (node.kind) {
		case 'number':
			return printNumber(node.value);
		case 'string':
			return { text: printString(node.value), precedence: PRIMARY };
		case 'ref':
			return { text: `\${${node.name}}`, precedence: PRIMARY };
		case 'column':
			return { text: node.name, precedence: PRIMARY };
		case 'current':
			return { text: '.', precedence: PRIMARY };
		case 'negate': {
			const operand = printNode(node.operand);
			return { text: `-${wrap(operand, UNARY)}`, precedence: UNARY };
		}
		case 'binary': {
			const precedence = PRECEDENCE[node.op];
			const left = wrap(printNode(node.left), precedence);
			// Every operator is left-associative, so an equal-precedence right side keeps its parentheses.
			const right = wrap(printNode(node.right), precedence + 1);
			return { text: `${left} ${node.op} ${right}`, precedence };
		}
		case 'call':
			return {
				text: `${node.name}(${node.args.map((a) => printNode(a).text).join(', ')})`,
				precedence: PRIMARY
			};
	}
}

function wrap(printed: Printed, needed: number): string {
	return printed.precedence < needed ? `(${printed.text})` : printed.text;
}

/**
 * Number literals in source are unsigned decimals, so values a hand-built tree may hold
 * (negative, huge, NaN) print as the expression that produces them.
 */
function printNumber(value: number): Printed {
	if (Number.isNaN(value)) return { text: '0 div 0', precedence: PRECEDENCE.div };
	if (value === Infinity) return { text: '1 div 0', precedence: PRECEDENCE.div };
	if (value === -Infinity) return { text: '-1 div 0', precedence: PRECEDENCE.div };
	if (value < 0 || Object.is(value, -0)) {
		return { text: `-${plainDecimal(-value)}`, precedence: UNARY };
	}
	return { text: plainDecimal(value), precedence: PRIMARY };
}

/** Digits without exponent notation (XPath has none), e.g. 1e21 → '1000000000000000000000'. */
export function plainDecimal(value: number): string {
	const text = String(value);
	const e = text.indexOf('e');
	if (e < 0) return text;
	const mantissa = text.slice(0, e);
	const exponent = Number(text.slice(e + 1));
	const dot = mantissa.indexOf('.');
	const digits = mantissa.replace('.', '');
	const point = (dot < 0 ? mantissa.length : dot) + exponent;
	if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
	return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * XPath strings cannot escape quotes: use whichever quote the text lacks, and split text
 * holding both kinds into a concat() of pieces.
 */
function printString(value: string): string {
	if (!value.includes("'")) return `'${value}'`;
	if (!value.includes('"')) return `"${value}"`;
	const pieces: string[] = [];
	let piece = '';
	for (const char of value) {
		const next = piece + char;
		if (next.includes("'") && next.includes('"')) {
			pieces.push(printString(piece));
			piece = char;
		} else {
			piece = next;
		}
	}
	pieces.push(printString(piece));
	return `concat(${pieces.join(', ')})`;
}
