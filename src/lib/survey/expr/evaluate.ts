import { FUNCTIONS, isFunctionName, type Binary, type Call, type Expr } from './ast';

export type Scalar = string | number | boolean;

/** What a question's answer looks like to expressions. undefined/null/'' = unanswered. string[] = select_multiple choices. */
export type AnswerValue = string | number | string[] | null | undefined;

export interface EvalContext {
	/** Answer of question `name` (for ${name}). Unknown names: return undefined. */
	value(name: string): AnswerValue;
	/**
	 * Value of column `name` of the choice being filtered, for a bare name in a choice filter
	 * (parsed with `{ bareNames: true }`). Absent or returning undefined: ''.
	 */
	column?(name: string): AnswerValue;
	/** The current question's answer, for `.` */
	current?: AnswerValue;
	/** Today's date as 'YYYY-MM-DD' (injectable for tests); default: current UTC date. */
	today?: () => string;
}

/**
 * Thrown only for trees the parser would never produce (an unknown node kind or function,
 * a wrong argument count); ordinary bad data yields '' or NaN as in ODK.
 */
export class EvalError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EvalError';
	}
}

/** Evaluates a parsed expression against the answers given so far. */
export function evaluate(ast: Expr, ctx: EvalContext): Scalar {
	switch (ast.kind) {
		case 'number':
			return ast.value;
		case 'string':
			return ast.value;
		case 'ref':
			return fromAnswer(ctx.value(ast.name));
		case 'column':
			return fromAnswer(ctx.column?.(ast.name));
		case 'current':
			return fromAnswer(ctx.current);
		case 'negate':
			return -toNumber(evaluate(ast.operand, ctx));
		case 'binary':
			return evaluateBinary(ast, ctx);
		case 'call':
			return evaluateCall(ast, ctx);
		default:
			throw new EvalError(`Unknown expression node ${String((ast as { kind?: unknown }).kind)}`);
	}
}

/** XPath boolean() of the expression's value: what `relevant` and `constraint` need. */
export function evaluateBoolean(ast: Expr, ctx: EvalContext): boolean {
	return toBoolean(evaluate(ast, ctx));
}

/** ODK reads an unanswered question as '' and a select_multiple as its choices joined by spaces. */
function fromAnswer(answer: AnswerValue): Scalar {
	if (answer === null || answer === undefined) return '';
	if (Array.isArray(answer)) return answer.map(String).join(' ');
	if (typeof answer === 'number' || typeof answer === 'string' || typeof answer === 'boolean') {
		return answer;
	}
	return '';
}

/** XPath string(): numbers print as JavaScript prints them (no trailing `.0`). */
export function toText(value: Scalar): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return String(value);
}

/** XPath boolean(): non-zero, non-NaN numbers and non-empty strings are true. */
export function toBoolean(value: Scalar): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
	return value.length > 0;
}

const DECIMAL = /^\s*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*$/;
const ISO_DATE = /^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*$/;
const DAY_MS = 86_400_000;

/**
 * XPath number(): decimals only (no exponent, no '+', '' is NaN). A 'YYYY-MM-DD' date becomes
 * days since 1970-01-01 as in ODK, so `. <= today()` and `today() - ${dob}` behave as form
 * authors expect; dates are stored as text here, and without this both would be NaN.
 */
export function toNumber(value: Scalar): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (DECIMAL.test(value)) return Number(value);
	const date = ISO_DATE.exec(value);
	if (date) {
		const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
		const ms = Date.UTC(year, month - 1, day);
		const check = new Date(ms);
		// Date.UTC rolls 2024-02-31 over into March; a date that does not exist is not a number.
		if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return NaN;
		return Math.round(ms / DAY_MS);
	}
	return NaN;
}

/** `=` compares numerically only when both sides look like numbers; '' never does. */
function isNumeric(value: Scalar): boolean {
	return typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value));
}

function equals(a: Scalar, b: Scalar): boolean {
	if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
	if (isNumeric(a) && isNumeric(b)) return toNumber(a) === toNumber(b);
	return toText(a) === toText(b);
}

function evaluateBinary(node: Binary, ctx: EvalContext): Scalar {
	// `and`/`or` stop early so the untaken side is never read (and cannot fail).
	if (node.op === 'and') return evaluateBoolean(node.left, ctx) && evaluateBoolean(node.right, ctx);
	if (node.op === 'or') return evaluateBoolean(node.left, ctx) || evaluateBoolean(node.right, ctx);
	const a = evaluate(node.left, ctx);
	const b = evaluate(node.right, ctx);
	switch (node.op) {
		case '=':
			return equals(a, b);
		case '!=':
			// The negation of `=`, so `${a} + 1 != 5` is true while a is unanswered (NaN).
			return !equals(a, b);
		case '<':
		case '<=':
		case '>':
		case '>=': {
			// Ordering is numeric only: if either side is not a number (or a date), the answer
			// is false rather than an alphabetical comparison, so `'a' < 'b'` is false and a
			// condition on an unanswered number never fires. NaN compares false by itself.
			const x = toNumber(a);
			const y = toNumber(b);
			if (node.op === '<') return x < y;
			if (node.op === '<=') return x <= y;
			if (node.op === '>') return x > y;
			return x >= y;
		}
		case '+':
			return toNumber(a) + toNumber(b);
		case '-':
			return toNumber(a) - toNumber(b);
		case '*':
			return toNumber(a) * toNumber(b);
		case 'div':
			return toNumber(a) / toNumber(b);
		case 'mod':
			return toNumber(a) % toNumber(b);
		default:
			throw new EvalError(`Unknown operator ${String(node.op)}`);
	}
}

/** Choice names in a select answer: ODK splits on whitespace. */
function choices(value: Scalar): string[] {
	return toText(value)
		.split(/\s+/)
		.filter((c) => c !== '');
}

function evaluateCall(node: Call, ctx: EvalContext): Scalar {
	const { name, args } = node;
	if (!isFunctionName(name)) throw new EvalError(`Unknown function ${String(name)}()`);
	const { min, max } = FUNCTIONS[name];
	if (args.length < min || (max !== null && args.length > max)) {
		throw new EvalError(`${name}() called with ${args.length} arguments`);
	}
	// Arguments are evaluated on demand so if() and coalesce() read only what they use.
	const arg = (i: number): Scalar => {
		const expr = args[i];
		if (!expr) throw new EvalError(`${name}() is missing argument ${i + 1}`);
		return evaluate(expr, ctx);
	};
	const text = (i: number) => toText(arg(i));
	switch (name) {
		case 'if':
			return toBoolean(arg(0)) ? arg(1) : arg(2);
		case 'selected': {
			const wanted = text(1).trim();
			return choices(arg(0)).includes(wanted);
		}
		case 'count-selected':
			return choices(arg(0)).length;
		case 'concat':
			return args.map((a) => toText(evaluate(a, ctx))).join('');
		case 'string-length':
			return codePoints(text(0)).length;
		case 'regex':
			return matches(text(0), text(1));
		case 'coalesce': {
			const first = arg(0);
			return toText(first) !== '' ? first : arg(1);
		}
		case 'int':
			return Math.trunc(toNumber(arg(0)));
		case 'number':
			return toNumber(arg(0));
		case 'today':
			return ctx.today?.() ?? new Date().toISOString().slice(0, 10);
		case 'not':
			return !toBoolean(arg(0));
		case 'string':
			return text(0);
		case 'round':
			return round(toNumber(arg(0)), args.length > 1 ? toNumber(arg(1)) : 0);
		case 'contains':
			return text(0).includes(text(1));
		case 'starts-with':
			return text(0).startsWith(text(1));
		case 'ends-with':
			return text(0).endsWith(text(1));
		case 'substr':
			return substr(text(0), toNumber(arg(1)), args.length > 2 ? toNumber(arg(2)) : Infinity);
		case 'boolean':
			return toBoolean(arg(0));
		case 'true':
			return true;
		case 'false':
			return false;
	}
}

function codePoints(s: string): string[] {
	return Array.from(s);
}

/** Longest pattern regex() accepts; longer ones are refused rather than risk slow matching. */
export const MAX_REGEX_LENGTH = 500;

// Skip logic re-evaluates the same few constraints on every keystroke; compiling each
// pattern once matters more than the memory of a hundred small RegExp objects.
const PATTERN_CACHE_SIZE = 100;
const patterns = new Map<string, { ok: true; re: RegExp } | { ok: false; reason: string }>();

/** Compiles a regex() pattern with the `u` flag, or says why it cannot be compiled. */
export function compilePattern(
	pattern: string
): { ok: true; re: RegExp } | { ok: false; reason: string } {
	const cached = patterns.get(pattern);
	if (cached) return cached;
	let compiled: { ok: true; re: RegExp } | { ok: false; reason: string };
	try {
		compiled = { ok: true, re: new RegExp(pattern, 'u') };
	} catch (e) {
		// V8 says "Invalid regular expression: /(/u: Unterminated group"; keep the last part.
		const reason = e instanceof Error ? (e.message.split(': ').pop() ?? e.message) : String(e);
		compiled = { ok: false, reason };
	}
	if (patterns.size >= PATTERN_CACHE_SIZE) patterns.clear();
	patterns.set(pattern, compiled);
	return compiled;
}

/**
 * JavaScript RegExp with the `u` flag, matching anywhere in the text as JavaRosa's find()
 * does (authors anchor with ^…$). A pattern that does not compile, or is long enough to
 * suspect, is simply no match: a constraint must never crash the form.
 */
function matches(value: string, pattern: string): boolean {
	if (pattern.length > MAX_REGEX_LENGTH) return false;
	const compiled = compilePattern(pattern);
	// Without the g or y flag test() keeps no state, so a cached RegExp is safe to share.
	return compiled.ok && compiled.re.test(value);
}

/**
 * Rounds half away from zero at `digits` decimal places (negative digits round to tens,
 * hundreds…). Shifting through the decimal string avoids 1.005 * 100 = 100.49999….
 */
function round(value: number, digits: number): number {
	if (!Number.isFinite(value) || Number.isNaN(digits)) return Number.isNaN(digits) ? NaN : value;
	const places = Math.trunc(Math.max(-400, Math.min(400, digits)));
	const magnitude = Math.abs(value);
	const shifted = shift(magnitude, places);
	if (!Number.isFinite(shifted) || shifted >= 2 ** 53) return value;
	const rounded = shift(Math.round(shifted), -places);
	return value < 0 ? -rounded : rounded;
}

function shift(value: number, places: number): number {
	const [mantissa, exponent = '0'] = String(value).split('e');
	return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** ODK substr(): 0-based start, exclusive end, counted in code points; out-of-range is clamped. */
function substr(s: string, start: number, end: number): string {
	if (Number.isNaN(start) || Number.isNaN(end)) return '';
	const chars = codePoints(s);
	const from = Math.max(0, Math.min(chars.length, Math.trunc(start)));
	const to = Math.max(0, Math.min(chars.length, end === Infinity ? chars.length : Math.trunc(end)));
	return from >= to ? '' : chars.slice(from, to).join('');
}
