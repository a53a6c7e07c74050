/**
 * Syntax tree of the XLSForm (ODK XPath subset) expression language. Plain data so a parsed
 * expression can be cached, sent to the browser as JSON or built by hand in tests.
 * `start` is the 0-based UTF-16 offset in the source where the node's text begins.
 */

export type BinaryOp =
	'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

/** Binding strength of each operator (XPath 1.0); all of them associate to the left. */
export const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
	or: 1,
	and: 2,
	'=': 3,
	'!=': 3,
	'<': 4,
	'<=': 4,
	'>': 4,
	'>=': 4,
	'+': 5,
	'-': 5,
	'*': 6,
	div: 6,
	mod: 6
};

/** Every function the language knows, with how many arguments it takes (`max: null` = any). */
export const FUNCTIONS = {
	if: { min: 3, max: 3 },
	selected: { min: 2, max: 2 },
	'count-selected': { min: 1, max: 1 },
	concat: { min: 0, max: null },
	'string-length': { min: 1, max: 1 },
	regex: { min: 2, max: 2 },
	coalesce: { min: 2, max: 2 },
	int: { min: 1, max: 1 },
	number: { min: 1, max: 1 },
	today: { min: 0, max: 0 },
	not: { min: 1, max: 1 },
	string: { min: 1, max: 1 },
	round: { min: 1, max: 2 },
	contains: { min: 2, max: 2 },
	'starts-with': { min: 2, max: 2 },
	'ends-with': { min: 2, max: 2 },
	substr: { min: 2, max: 3 },
	boolean: { min: 1, max: 1 },
	true: { min: 0, max: 0 },
	false: { min: 0, max: 0 }
} as const satisfies Record<string, { min: number; max: number | null }>;

export type FunctionName = keyof typeof FUNCTIONS;

export interface NumberLiteral {
	kind: 'number';
	value: number;
	start: number;
}

export interface StringLiteral {
	kind: 'string';
	value: string;
	start: number;
}

/** `${name}`: the answer to another question. */
export interface Reference {
	kind: 'ref';
	name: string;
	start: number;
}

/**
 * A bare name such as `state` in a choice filter: a column of the choices sheet, read for the
 * choice being filtered. Only parsed with `{ bareNames: true }`.
 */
export interface Column {
	kind: 'column';
	name: string;
	start: number;
}

/** `.`: the answer to the question the expression belongs to. */
export interface Current {
	kind: 'current';
	start: number;
}

export interface Negate {
	kind: 'negate';
	operand: Expr;
	start: number;
}

export interface Binary {
	kind: 'binary';
	op: BinaryOp;
	left: Expr;
	right: Expr;
	start: number;
}

export interface Call {
	kind: 'call';
	name: FunctionName;
	args: Expr[];
	start: number;
}

export type Expr =
	NumberLiteral | StringLiteral | Reference | Column | Current | Negate | Binary | Call;

/**
 * Every kind of problem the parser reports. Stable, so the interface can say each in the
 * reader's language (`builder.exprErrors.<code>`) while `message` stays English for the CLI.
 */
export const EXPR_ERROR_CODES = [
	'notText',
	'tooLong',
	'tooDeep',
	'empty',
	'unexpectedEnd',
	'trailingInput',
	'unmatchedParen',
	'expectedParen',
	'expectedArgumentEnd',
	'missingParen',
	'missingCallParen',
	'expectedValue',
	'useEquals',
	'lowerCaseOperator',
	'bareName',
	'functionWithoutParens',
	'unknownFunction',
	'lowerCaseFunction',
	'arityNone',
	'arityExact',
	'arityAtLeast',
	'arityBetween',
	'unterminatedString',
	'unexpectedCharacter',
	'useDiv',
	'useMod',
	'useAnd',
	'useOr',
	'useNot',
	'curlyQuote',
	'dollarReference',
	'unclosedReference',
	'emptyReference',
	'referenceStart',
	'referenceCharacter',
	'regexTooLong',
	'invalidRegex'
] as const;
export type ExprErrorCode = (typeof EXPR_ERROR_CODES)[number];

/** Values a translated message needs besides the code: a character, a name, a count … */
export type ExprErrorParams = Record<string, string | number>;

export interface ExprError {
	/** English, for logs, the CLI and XLSForm import messages. */
	message: string;
	/** 0-based UTF-16 offset in the source (string index), from 0 to source.length. */
	position: number;
	code: ExprErrorCode;
	params?: ExprErrorParams;
}

export interface ParseOptions {
	/**
	 * Read a bare name (`state`, `name`) as a choices-sheet column, as XLSForm choice filters
	 * do. Off by default, where a bare name is an error suggesting `${name}`.
	 */
	bareNames?: boolean;
}

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExprError };

/** Guards that keep parsing (and everything that walks the tree) fast and stack-safe. */
export const LIMITS: Readonly<{ maxLength: number; maxDepth: number }> = Object.freeze({
	maxLength: 4000,
	maxDepth: 64
});

/** Whether `name` is one of the language's functions. */
export function isFunctionName(name: string): name is FunctionName {
	return Object.hasOwn(FUNCTIONS, name);
}

/** How to describe a function's arity in an error message, e.g. "takes 1 or 2 arguments". */
export function arityText(name: FunctionName): string {
	const { min, max }: { min: number; max: number | null } = FUNCTIONS[name];
	if (max === null) return `takes at least ${min} argument${min === 1 ? '' : 's'}`;
	if (min === max) {
		if (min === 0) return 'takes no arguments';
		return `takes ${min} argument${min === 1 ? '' : 's'}`;
	}
	return `takes ${min} or ${max} arguments`;
}
