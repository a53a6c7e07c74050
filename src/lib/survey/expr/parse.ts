import {
	arityText,
	FUNCTIONS,
	isFunctionName,
	LIMITS,
	PRECEDENCE,
	type BinaryOp,
	type Expr,
	type ExprErrorCode,
	type ExprErrorParams,
	type FunctionName,
	type ParseOptions,
	type ParseResult
} from './ast';
import { compilePattern, MAX_REGEX_LENGTH } from './evaluate';

type Token =
	| { t: 'num'; value: number; start: number; end: number }
	| { t: 'str'; value: string; start: number; end: number }
	| { t: 'ref'; name: string; start: number; end: number }
	| { t: 'dot'; start: number; end: number }
	| { t: '(' | ')' | ','; start: number; end: number }
	| {
			t: 'op';
			op: '+' | '-' | '*' | '=' | '!=' | '<' | '<=' | '>' | '>=';
			start: number;
			end: number;
	  }
	| { t: 'name'; text: string; start: number; end: number }
	| { t: 'end'; start: number; end: number };

/**
 * Names are lexed differently depending on what the parser expects, as XPath does: where a
 * value may start, `count-selected` is one name; after a value, only an operator word can
 * follow, so `1 div-2` reads as `div`, `-`, `2` instead of an unknown name `div-2`.
 */
type Mode = 'operand' | 'operator';

const OPERATOR_WORDS = new Set(['and', 'or', 'div', 'mod']);
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_.-]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;
const SPACE = /\s/;

// Character tests run once per source character: plain comparisons for ASCII keep parsing
// a few microseconds per expression; Unicode classes are consulted only beyond ASCII.
const isDigit = (c: string) => c >= '0' && c <= '9';
const isAsciiLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isSpace = (c: string) => c === ' ' || ((c < ' ' || c > '\x7f') && SPACE.test(c));
const isNameStart = (c: string) =>
	isAsciiLetter(c) || c === '_' || (c > '\x7f' && NAME_START.test(c));
const isNamePart = (c: string) =>
	isAsciiLetter(c) ||
	isDigit(c) ||
	c === '_' ||
	c === '.' ||
	c === '-' ||
	(c > '\x7f' && NAME_PART.test(c));
const isWordPart = (c: string) =>
	isAsciiLetter(c) || isDigit(c) || c === '_' || (c > '\x7f' && WORD_PART.test(c));

type Hint = { code: ExprErrorCode; text: string };
const CURLY_QUOTE: Hint = { code: 'curlyQuote', text: 'use a straight quote \' or "' };
const DOLLAR: Hint = { code: 'dollarReference', text: 'refer to a question as ${name}' };

/** Characters people carry over from spreadsheets or other languages, with what to write instead. */
const HINTS: Record<string, Hint> = {
	'/': { code: 'useDiv', text: "divide with 'div'" },
	'%': { code: 'useMod', text: "take a remainder with 'mod'" },
	'&': { code: 'useAnd', text: "use 'and'" },
	'|': { code: 'useOr', text: "use 'or'" },
	'!': { code: 'useNot', text: "use not(…) or '!='" },
	'‘': CURLY_QUOTE,
	'’': CURLY_QUOTE,
	'“': CURLY_QUOTE,
	'”': CURLY_QUOTE,
	$: DOLLAR,
	'{': DOLLAR,
	'}': DOLLAR
};

class ParseFailure {
	constructor(
		readonly code: ExprErrorCode,
		readonly message: string,
		readonly position: number,
		readonly params?: ExprErrorParams
	) {}
}

/**
 * Parses an expression; never throws, and reports the first problem with its position.
 * With `{ bareNames: true }` (choice filters), a bare name is a choices-sheet column.
 */
export function parse(source: string, options?: ParseOptions): ParseResult {
	if (typeof source !== 'string') {
		return {
			ok: false,
			error: { message: 'Expression must be text', position: 0, code: 'notText' }
		};
	}
	if (source.length > LIMITS.maxLength) {
		return {
			ok: false,
			error: {
				message: `Expression is too long (${source.length} characters; the limit is ${LIMITS.maxLength})`,
				position: LIMITS.maxLength,
				code: 'tooLong',
				params: { length: source.length, limit: LIMITS.maxLength }
			}
		};
	}
	try {
		return { ok: true, ast: new Parser(source, options?.bareNames === true).parseAll() };
	} catch (e) {
		if (e instanceof ParseFailure) {
			const { code, message, position, params } = e;
			return {
				ok: false,
				error: params ? { message, position, code, params } : { message, position, code }
			};
		}
		throw e;
	}
}

class Parser {
	private pos = 0;
	private depth = 0;
	private peeked: { pos: number; mode: Mode; token: Token } | null = null;

	constructor(
		private readonly src: string,
		private readonly bareNames: boolean
	) {}

	parseAll(): Expr {
		if (this.peek('operand').t === 'end') throw new ParseFailure('empty', 'Expression is empty', 0);
		const ast = this.parseBinary(0);
		const next = this.peek('operator');
		if (next.t !== 'end') {
			if (next.t === ')')
				throw new ParseFailure(
					'unmatchedParen',
					"Unexpected ')': there is no '(' to close",
					next.start
				);
			this.unexpectedAfterValue(next, 'trailingInput', 'the end of the expression');
		}
		return ast;
	}

	/** Precedence climbing: loops for left-associative chains, recurses only per level. */
	private parseBinary(minPrecedence: number): Expr {
		let left = this.parseUnary();
		for (;;) {
			const token = this.peek('operator');
			const op = binaryOp(token);
			if (!op || PRECEDENCE[op] < minPrecedence) return left;
			this.take(token);
			const right = this.parseBinary(PRECEDENCE[op] + 1);
			left = { kind: 'binary', op, left, right, start: left.start };
		}
	}

	private parseUnary(): Expr {
		const token = this.peek('operand');
		if (token.t === 'op' && token.op === '-') {
			this.take(token);
			this.enter(token.start);
			const operand = this.parseUnary();
			this.depth--;
			return { kind: 'negate', operand, start: token.start };
		}
		return this.parsePrimary();
	}

	private parsePrimary(): Expr {
		const token = this.peek('operand');
		switch (token.t) {
			case 'num':
				this.take(token);
				return { kind: 'number', value: token.value, start: token.start };
			case 'str':
				this.take(token);
				return { kind: 'string', value: token.value, start: token.start };
			case 'ref':
				this.take(token);
				return { kind: 'ref', name: token.name, start: token.start };
			case 'dot':
				this.take(token);
				return { kind: 'current', start: token.start };
			case '(': {
				this.take(token);
				this.enter(token.start);
				const inner = this.parseBinary(0);
				const close = this.peek('operator');
				if (close.t === 'end') {
					throw new ParseFailure(
						'missingParen',
						`Missing ')' to close the '(' at position ${token.start}`,
						close.start,
						{ character: token.start + 1 }
					);
				}
				if (close.t !== ')') this.unexpectedAfterValue(close, 'expectedParen', "')'");
				this.take(close);
				this.depth--;
				return inner;
			}
			case 'name':
				return this.parseCall(token);
			case 'end':
				throw new ParseFailure(
					'unexpectedEnd',
					'Unexpected end of expression: a value is missing',
					token.start
				);
			case 'op':
				if (token.op === '=' && this.src[token.start - 1] === '=') {
					throw new ParseFailure(
						'useEquals',
						"'==' is not an operator: compare with a single '='",
						token.start - 1
					);
				}
				throw new ParseFailure(
					'expectedValue',
					`Expected a value but found '${token.op}'`,
					token.start,
					{ found: token.op }
				);
			default:
				throw new ParseFailure(
					'expectedValue',
					`Expected a value but found '${token.t}'`,
					token.start,
					{ found: token.t }
				);
		}
	}

	private parseCall(token: Extract<Token, { t: 'name' }>): Expr {
		const name = token.text;
		this.take(token);
		const open = this.peek('operator');
		if (open.t !== '(') {
			if (OPERATOR_WORDS.has(name)) {
				throw new ParseFailure(
					'expectedValue',
					`Expected a value but found '${name}'`,
					token.start,
					{
						found: name
					}
				);
			}
			// XPath reads any other name as a child element: here, a column of the choices sheet.
			if (this.bareNames) return { kind: 'column', name, start: token.start };
			if (isFunctionName(name)) {
				const call = FUNCTIONS[name].max === 0 ? `${name}()` : `${name}(…)`;
				throw new ParseFailure(
					'functionWithoutParens',
					`${name} is a function: write ${call}`,
					token.start,
					{ name, call }
				);
			}
			// `reference` is handed over whole: `${{{name}}}` would confuse {{…}} interpolation.
			const reference = `\${${name}}`;
			throw new ParseFailure(
				'bareName',
				`Unexpected name '${name}': refer to a question as ${reference}`,
				token.start,
				{ name, reference }
			);
		}
		if (!isFunctionName(name)) {
			const lower = name.toLowerCase();
			if (isFunctionName(lower)) {
				throw new ParseFailure(
					'lowerCaseFunction',
					`Unknown function ${name}() (function names are lower case: ${lower}())`,
					token.start,
					{ name, lower }
				);
			}
			throw new ParseFailure('unknownFunction', `Unknown function ${name}()`, token.start, {
				name
			});
		}
		this.take(open);
		this.enter(token.start);
		const args: Expr[] = [];
		if (this.peek('operand').t === ')') {
			this.take(this.peek('operand'));
		} else {
			for (;;) {
				args.push(this.parseBinary(0));
				const next = this.peek('operator');
				if (next.t === ',') {
					this.take(next);
					continue;
				}
				if (next.t === ')') {
					this.take(next);
					break;
				}
				if (next.t === 'end') {
					throw new ParseFailure('missingCallParen', `Missing ')' to close ${name}(`, next.start, {
						name
					});
				}
				this.unexpectedAfterValue(next, 'expectedArgumentEnd', `',' or ')' in ${name}()`, name);
			}
		}
		this.depth--;
		const { min, max } = FUNCTIONS[name];
		if (args.length < min || (max !== null && args.length > max)) {
			const { code, params } = arity(name);
			throw new ParseFailure(code, `${name}() ${arityText(name)}`, token.start, params);
		}
		checkLiteralPattern(name, args);
		return { kind: 'call', name, args, start: token.start };
	}

	/** `code` says what was expected (its English wording is `expected`); `name` is the call's. */
	private unexpectedAfterValue(
		token: Token,
		code: 'trailingInput' | 'expectedParen' | 'expectedArgumentEnd',
		expected: string,
		name?: string
	): never {
		if (token.t === 'name') {
			const lower = token.text.toLowerCase();
			if (OPERATOR_WORDS.has(lower)) {
				throw new ParseFailure(
					'lowerCaseOperator',
					`Unknown operator '${token.text}': operators are lower case (${lower})`,
					token.start,
					{ operator: token.text, lower }
				);
			}
		}
		const text = this.describe(token);
		throw new ParseFailure(
			code,
			`Unexpected '${text}': expected an operator or ${expected}`,
			token.start,
			name === undefined ? { token: text } : { token: text, name }
		);
	}

	private describe(token: Token): string {
		const text = this.src.slice(token.start, token.end);
		return text.length > 24 ? `${text.slice(0, 24)}…` : text;
	}

	private enter(position: number): void {
		this.depth++;
		if (this.depth > LIMITS.maxDepth) {
			throw new ParseFailure(
				'tooDeep',
				`Expression is nested too deeply (more than ${LIMITS.maxDepth} levels)`,
				position,
				{ limit: LIMITS.maxDepth }
			);
		}
	}

	private take(token: Token): void {
		this.pos = token.end;
		this.peeked = null;
	}

	private peek(mode: Mode): Token {
		const cached = this.peeked;
		if (cached && cached.pos === this.pos && cached.mode === mode) return cached.token;
		const token = this.scan(mode);
		this.peeked = { pos: this.pos, mode, token };
		return token;
	}

	private scan(mode: Mode): Token {
		const src = this.src;
		let i = this.pos;
		while (i < src.length && isSpace(src[i]!)) i++;
		const start = i;
		const c = src[i];
		if (c === undefined) return { t: 'end', start, end: start };
		const next = src[i + 1];

		if (isDigit(c) || (c === '.' && next !== undefined && isDigit(next))) {
			while (i < src.length && isDigit(src[i]!)) i++;
			if (src[i] === '.') {
				i++;
				while (i < src.length && isDigit(src[i]!)) i++;
			}
			return { t: 'num', value: Number(src.slice(start, i)), start, end: i };
		}
		if (c === '.') return { t: 'dot', start, end: i + 1 };
		if (c === "'" || c === '"') {
			// XPath strings have no escapes: the literal ends at the next matching quote.
			const close = src.indexOf(c, i + 1);
			if (close < 0) {
				throw new ParseFailure(
					'unterminatedString',
					`Unterminated string: add the closing ${c}`,
					start,
					{
						quote: c
					}
				);
			}
			return { t: 'str', value: src.slice(i + 1, close), start, end: close + 1 };
		}
		if (c === '$' && next === '{') return this.scanReference(start);
		if (c === '(' || c === ')' || c === ',') return { t: c, start, end: i + 1 };
		if (c === '+' || c === '-' || c === '*' || c === '=') {
			return { t: 'op', op: c, start, end: i + 1 };
		}
		if (c === '!' && next === '=') return { t: 'op', op: '!=', start, end: i + 2 };
		if (c === '<' || c === '>') {
			if (next === '=') return { t: 'op', op: c === '<' ? '<=' : '>=', start, end: i + 2 };
			return { t: 'op', op: c, start, end: i + 1 };
		}
		if (isNameStart(c)) {
			const part = mode === 'operand' ? isNamePart : isWordPart;
			i++;
			while (i < src.length && part(src[i]!)) i++;
			return { t: 'name', text: src.slice(start, i), start, end: i };
		}
		const char = String.fromCodePoint(src.codePointAt(i) ?? 0xfffd);
		const hint = HINTS[char];
		throw new ParseFailure(
			hint?.code ?? 'unexpectedCharacter',
			`Unexpected character '${char}'${hint ? `: ${hint.text}` : ''}`,
			start,
			{ char }
		);
	}

	private scanReference(start: number): Token {
		const src = this.src;
		const nameStart = start + 2;
		const first = src[nameStart];
		if (first === undefined) {
			throw new ParseFailure('unclosedReference', "Missing '}' to close '${'", nameStart, {
				name: '',
				opening: '${'
			});
		}
		if (first === '}') {
			throw new ParseFailure('emptyReference', 'Empty question name in ${}', nameStart);
		}
		if (!isNameStart(first)) {
			throw new ParseFailure(
				'referenceStart',
				"Invalid question name in ${…}: it must start with a letter or '_'",
				nameStart
			);
		}
		let i = nameStart + 1;
		while (i < src.length && isNamePart(src[i]!)) i++;
		const name = src.slice(nameStart, i);
		const c = src[i];
		if (c === '}') return { t: 'ref', name, start, end: i + 1 };
		if (c === undefined || isSpace(c) || '()+*=!<>,\'"$'.includes(c)) {
			const opening = `\${${name}`;
			throw new ParseFailure('unclosedReference', `Missing '}' to close '${opening}'`, i, {
				name,
				opening
			});
		}
		const char = String.fromCodePoint(src.codePointAt(i) ?? 0xfffd);
		throw new ParseFailure(
			'referenceCharacter',
			`Invalid character '${char}' in \${…}: a question name has only letters, digits, '_', '-' and '.'`,
			i,
			{ char }
		);
	}
}

function binaryOp(token: Token): BinaryOp | null {
	if (token.t === 'op') return token.op;
	if (token.t === 'name' && OPERATOR_WORDS.has(token.text)) return token.text as BinaryOp;
	return null;
}

/**
 * A literal pattern that cannot compile would make a constraint impossible to satisfy, so it is
 * reported when the form is checked rather than discovered by a respondent.
 */
function checkLiteralPattern(name: FunctionName, args: Expr[]): void {
	const pattern = args[1];
	if (name !== 'regex' || pattern?.kind !== 'string') return;
	if (pattern.value.length > MAX_REGEX_LENGTH) {
		throw new ParseFailure(
			'regexTooLong',
			`regex() pattern is too long (the limit is ${MAX_REGEX_LENGTH} characters)`,
			pattern.start,
			{ limit: MAX_REGEX_LENGTH }
		);
	}
	const compiled = compilePattern(pattern.value);
	if (!compiled.ok) {
		throw new ParseFailure(
			'invalidRegex',
			`regex() pattern is not a valid regular expression: ${compiled.reason}`,
			pattern.start,
			{ reason: compiled.reason }
		);
	}
}

/** Which arity message fits the function, with the numbers it needs (`count` picks the plural). */
function arity(name: FunctionName): { code: ExprErrorCode; params: ExprErrorParams } {
	const { min, max }: { min: number; max: number | null } = FUNCTIONS[name];
	if (max === null) return { code: 'arityAtLeast', params: { name, count: min } };
	if (min === max) {
		if (min === 0) return { code: 'arityNone', params: { name } };
		return { code: 'arityExact', params: { name, count: min } };
	}
	return { code: 'arityBetween', params: { name, min, max, count: max } };
}
