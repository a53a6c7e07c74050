import { describe, expect, it } from 'vitest';
import {
	EXPR_ERROR_CODES,
	FUNCTIONS,
	LIMITS,
	type Expr,
	type ExprErrorCode,
	type ExprErrorParams,
	type FunctionName,
	type ParseOptions
} from './ast';
import { parse } from './parse';

/** Fully parenthesised form, so a test sees the tree's shape rather than the printer's choices. */
function shape(node: Expr): string {
	switch (node.kind) {
		case 'number':
			return String(node.value);
		case 'string':
			return JSON.stringify(node.value);
		case 'ref':
			return `\${${node.name}}`;
		case 'column':
			return `[${node.name}]`;
		case 'current':
			return '.';
		case 'negate':
			return `(-${shape(node.operand)})`;
		case 'binary':
			return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
		case 'call':
			return `${node.name}(${node.args.map(shape).join(', ')})`;
	}
}

function parsed(source: string, options?: ParseOptions): Expr {
	const result = parse(source, options);
	if (!result.ok) throw new Error(`${source}: ${result.error.message} at ${result.error.position}`);
	return result.ast;
}

describe('parse: operators and precedence', () => {
	const cases: [string, string][] = [
		['1 + 2 * 3', '(1 + (2 * 3))'],
		['1 * 2 + 3', '((1 * 2) + 3)'],
		['1 - 2 - 3', '((1 - 2) - 3)'],
		['8 div 2 div 2', '((8 div 2) div 2)'],
		['2 * 3 mod 4', '((2 * 3) mod 4)'],
		['7 mod 4 * 2', '((7 mod 4) * 2)'],
		['10 div 4', '(10 div 4)'],
		['1 + 2 - 3 + 4', '(((1 + 2) - 3) + 4)'],
		['(1 + 2) * 3', '((1 + 2) * 3)'],
		['1 = 2', '(1 = 2)'],
		['1 != 2', '(1 != 2)'],
		['1 < 2', '(1 < 2)'],
		['1 <= 2', '(1 <= 2)'],
		['1 > 2', '(1 > 2)'],
		['1 >= 2', '(1 >= 2)'],
		['1 < 2 = 3 > 4', '((1 < 2) = (3 > 4))'],
		['1 = 2 != 3', '((1 = 2) != 3)'],
		['1 + 2 < 3 * 4', '((1 + 2) < (3 * 4))'],
		['${a} or ${b} and ${c}', '(${a} or (${b} and ${c}))'],
		['${a} and ${b} or ${c}', '((${a} and ${b}) or ${c})'],
		['${a} or ${b} or ${c}', '((${a} or ${b}) or ${c})'],
		['1 + 2 = 3 and 4 - 1 != 2', '(((1 + 2) = 3) and ((4 - 1) != 2))'],
		['-2 * 3', '((-2) * 3)'],
		['2 * -3', '(2 * (-3))'],
		['- - 1', '(-(-1))'],
		['-(1 + 2)', '(-(1 + 2))'],
		['1 - -1', '(1 - (-1))'],
		['1 div-2', '(1 div (-2))'],
		['2div 3', '(2 div 3)'],
		['((1))', '1'],
		[' \t\n1\n+\t2 ', '(1 + 2)'],
		['\u00a01 = 1', '(1 = 1)'],
		['.5 + .', '(0.5 + .)'],
		['1.', '1'],
		['007.50', '7.5'],
		['.', '.'],
		['. * 2', '(. * 2)'],
		['"it\'s"', '"it\'s"'],
		['\'say "hi"\'', '"say \\"hi\\""'],
		["''", '""'],
		['${a.b-c_1}', '${a.b-c_1}'],
		['${_x}', '${_x}'],
		['${الاسم} = 1', '(${الاسم} = 1)'],
		['${a}-1', '(${a} - 1)'],
		['count-selected(${x})-1', '(count-selected(${x}) - 1)'],
		["selected(${q12}, 'no') and ${age} >= 18", '(selected(${q12}, "no") and (${age} >= 18))'],
		['not (1)', 'not(1)'],
		['if(${a} > 1, "x", concat("y", 1 + 2))', 'if((${a} > 1), "x", concat("y", (1 + 2)))']
	];
	it.each(cases)('%s → %s', (source, expected) => {
		expect(shape(parsed(source))).toBe(expected);
	});

	it('keywords are case-sensitive', () => {
		expect(parse('1 AND 2')).toEqual({
			ok: false,
			error: {
				message: "Unknown operator 'AND': operators are lower case (and)",
				position: 2,
				code: 'lowerCaseOperator',
				params: { operator: 'AND', lower: 'and' }
			}
		});
		expect(parse('1 Or 2').ok).toBe(false);
		expect(parse('4 DIV 2').ok).toBe(false);
	});

	it('records where each node starts', () => {
		const ast = parsed('  1 + -${a} * (count-selected(.))');
		expect(ast).toEqual({
			kind: 'binary',
			op: '+',
			start: 2,
			left: { kind: 'number', value: 1, start: 2 },
			right: {
				kind: 'binary',
				op: '*',
				start: 6,
				left: { kind: 'negate', start: 6, operand: { kind: 'ref', name: 'a', start: 7 } },
				right: {
					kind: 'call',
					name: 'count-selected',
					start: 15,
					args: [{ kind: 'current', start: 30 }]
				}
			}
		});
	});
});

describe('parse: functions', () => {
	const arg = (i: number) => `\${q${i}}`;
	const names = Object.keys(FUNCTIONS) as FunctionName[];

	it.each(names)('%s() parses with every allowed argument count', (name) => {
		const { min, max } = FUNCTIONS[name];
		for (let n = min; n <= (max ?? min + 4); n++) {
			const args = Array.from({ length: n }, (_, i) =>
				name === 'regex' && i === 1 ? "'x'" : arg(i)
			);
			const ast = parsed(`${name}(${args.join(', ')})`);
			expect(ast).toMatchObject({ kind: 'call', name, start: 0 });
			expect(ast.kind === 'call' && ast.args.length).toBe(n);
		}
	});

	it.each(names.filter((n) => FUNCTIONS[n].min > 0))(
		'%s() with too few arguments is an error at the name',
		(name) => {
			const args = Array.from({ length: FUNCTIONS[name].min - 1 }, (_, i) => arg(i));
			const result = parse(`1 + ${name}(${args.join(', ')})`);
			expect(result.ok).toBe(false);
			expect(!result.ok && result.error.position).toBe(4);
			expect(!result.ok && result.error.message).toMatch(new RegExp(`^${name}\\(\\) takes `));
		}
	);

	it.each(names.filter((n) => FUNCTIONS[n].max !== null))(
		'%s() with too many arguments is an error at the name',
		(name) => {
			const args = Array.from({ length: (FUNCTIONS[name].max ?? 0) + 1 }, (_, i) => arg(i));
			const result = parse(`1 + ${name}(${args.join(', ')})`);
			expect(!result.ok && result.error.position).toBe(4);
		}
	);

	const arity: [string, string, ExprErrorCode, ExprErrorParams][] = [
		[
			'selected(${a})',
			'selected() takes 2 arguments',
			'arityExact',
			{ name: 'selected', count: 2 }
		],
		['if(1, 2)', 'if() takes 3 arguments', 'arityExact', { name: 'if', count: 3 }],
		['int()', 'int() takes 1 argument', 'arityExact', { name: 'int', count: 1 }],
		['today(1)', 'today() takes no arguments', 'arityNone', { name: 'today' }],
		[
			'round(1, 2, 3)',
			'round() takes 1 or 2 arguments',
			'arityBetween',
			{ name: 'round', min: 1, max: 2, count: 2 }
		],
		[
			'substr("a")',
			'substr() takes 2 or 3 arguments',
			'arityBetween',
			{ name: 'substr', min: 2, max: 3, count: 3 }
		]
	];
	it.each(arity)('%s: %s', (source, message, code, params) => {
		expect(parse(source)).toEqual({ ok: false, error: { message, position: 0, code, params } });
	});

	it('concat() takes any number of arguments', () => {
		expect(shape(parsed('concat()'))).toBe('concat()');
		expect(shape(parsed(`concat(${Array(30).fill('1').join(',')})`))).toMatch(
			/^concat\(1(, 1){29}\)$/
		);
	});
});

describe('parse: errors', () => {
	const cases: [string, string, number, string][] = [
		['empty', '', 0, 'Expression is empty'],
		['blank', '  \t ', 0, 'Expression is empty'],
		['unexpected character', '1 # 2', 2, "Unexpected character '#'"],
		['slash for division', '${a} / 2', 5, "Unexpected character '/': divide with 'div'"],
		['double ampersand', '1 && 2', 2, "Unexpected character '&': use 'and'"],
		['lone bang', '!${a}', 0, "Unexpected character '!': use not(…) or '!='"],
		['curly quote', '${a} = ‘yes’', 7, "Unexpected character '‘': use a straight quote ' or \""],
		['astral character', '1 + 😀', 4, "Unexpected character '😀'"],
		['unterminated single', "${a} = 'yes", 7, "Unterminated string: add the closing '"],
		['no doubled-quote escape', "'it''s'", 4, "Unexpected ''s'': expected an operator"],
		['unterminated double', 'concat("a, 1)', 7, 'Unterminated string: add the closing "'],
		['missing ) at end', '(1 + 2', 6, "Missing ')' to close the '(' at position 0"],
		['missing ) in call', "selected(${a}, 'x'", 18, "Missing ')' to close selected("],
		['junk inside parens', '(1 2)', 3, "Unexpected '2': expected an operator or ')'"],
		[
			'junk in arguments',
			'if(1 2, 3, 4)',
			5,
			"Unexpected '2': expected an operator or ',' or ')' in if()"
		],
		['unmatched )', '1 + 2)', 5, "Unexpected ')': there is no '(' to close"],
		['unexpected end', '1 +', 3, 'Unexpected end of expression: a value is missing'],
		['unexpected end after (', '(', 1, 'Unexpected end of expression: a value is missing'],
		['operator without left side', '* 2', 0, "Expected a value but found '*'"],
		['empty argument', 'concat(1, , 2)', 10, "Expected a value but found ','"],
		['empty parens', '()', 1, "Expected a value but found ')'"],
		[
			'trailing input',
			'1 2',
			2,
			"Unexpected '2': expected an operator or the end of the expression"
		],
		[
			'trailing reference',
			'${a} ${b}',
			5,
			"Unexpected '${b}': expected an operator or the end of the expression"
		],
		['keyword as value', '1 and or 2', 6, "Expected a value but found 'or'"],
		['double equals', '${a} == 1', 5, "'==' is not an operator: compare with a single '='"],
		['bare name', 'age > 18', 0, "Unexpected name 'age': refer to a question as ${age}"],
		['true without ()', 'true', 0, 'true is a function: write true()'],
		['not without ()', 'not ${a}', 0, 'not is a function: write not(…)'],
		['unknown function', '1 + foo(1)', 4, 'Unknown function foo()'],
		[
			'upper-case function',
			'IF(1, 2, 3)',
			0,
			'Unknown function IF() (function names are lower case: if())'
		],
		['sum is not supported', 'sum(${a})', 0, 'Unknown function sum()'],
		['${ without }', '${age', 5, "Missing '}' to close '${age'"],
		['${ then operator', '${age + 1', 5, "Missing '}' to close '${age'"],
		['${ at end', '1 + ${', 6, "Missing '}' to close '${'"],
		['empty name', '${} = 1', 2, 'Empty question name in ${}'],
		[
			'name starts with digit',
			'${1st}',
			2,
			"Invalid question name in ${…}: it must start with a letter or '_'"
		],
		[
			'invalid name character',
			'${a#b}',
			3,
			"Invalid character '#' in ${…}: a question name has only letters, digits, '_', '-' and '.'"
		],
		['$ without {', '$age', 0, "Unexpected character '$': refer to a question as ${name}"],
		[
			'invalid literal regex',
			"regex(., '[a-')",
			9,
			'regex() pattern is not a valid regular expression'
		],
		[
			'overlong literal regex',
			`regex(., '${'a'.repeat(501)}')`,
			9,
			'regex() pattern is too long (the limit is 500 characters)'
		]
	];
	it.each(cases)('%s: %s', (_label, source, position, message) => {
		const result = parse(source);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.position).toBe(position);
		expect(result.error.message.startsWith(message)).toBe(true);
	});

	it('a regex pattern from an answer is not checked at parse time', () => {
		expect(parse('regex(., ${pattern})').ok).toBe(true);
		expect(parse("regex(., concat('[', 'a'))").ok).toBe(true);
	});
});

describe('parse: error codes', () => {
	// Each problem has a stable code and the values its translated message needs.
	const nest = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);
	const cases: [string, ExprErrorCode, ExprErrorParams | undefined][] = [
		['1' + ' '.repeat(LIMITS.maxLength), 'tooLong', { length: 4001, limit: 4000 }],
		[nest(LIMITS.maxDepth + 1), 'tooDeep', { limit: LIMITS.maxDepth }],
		['-'.repeat(LIMITS.maxDepth + 1) + '1', 'tooDeep', { limit: LIMITS.maxDepth }],
		['', 'empty', undefined],
		['  \t ', 'empty', undefined],
		['1 +', 'unexpectedEnd', undefined],
		['(', 'unexpectedEnd', undefined],
		['1 2', 'trailingInput', { token: '2' }],
		['${a} ${b}', 'trailingInput', { token: '${b}' }],
		[`1 ${'x'.repeat(30)}`, 'trailingInput', { token: `${'x'.repeat(24)}…` }],
		['1 + 2)', 'unmatchedParen', undefined],
		['(1 2)', 'expectedParen', { token: '2' }],
		['if(1 2, 3, 4)', 'expectedArgumentEnd', { token: '2', name: 'if' }],
		['1 + (2', 'missingParen', { character: 5 }],
		["selected(${a}, 'x'", 'missingCallParen', { name: 'selected' }],
		['* 2', 'expectedValue', { found: '*' }],
		['concat(1, , 2)', 'expectedValue', { found: ',' }],
		['()', 'expectedValue', { found: ')' }],
		['1 and or 2', 'expectedValue', { found: 'or' }],
		['${a} == 1', 'useEquals', undefined],
		['1 AND 2', 'lowerCaseOperator', { operator: 'AND', lower: 'and' }],
		['(1 Or 2)', 'lowerCaseOperator', { operator: 'Or', lower: 'or' }],
		['age > 18', 'bareName', { name: 'age', reference: '${age}' }],
		['true', 'functionWithoutParens', { name: 'true', call: 'true()' }],
		['not ${a}', 'functionWithoutParens', { name: 'not', call: 'not(…)' }],
		['1 + foo(1)', 'unknownFunction', { name: 'foo' }],
		['IF(1, 2, 3)', 'lowerCaseFunction', { name: 'IF', lower: 'if' }],
		['today(1)', 'arityNone', { name: 'today' }],
		['int()', 'arityExact', { name: 'int', count: 1 }],
		['round()', 'arityBetween', { name: 'round', min: 1, max: 2, count: 2 }],
		["${a} = 'yes", 'unterminatedString', { quote: "'" }],
		['concat("a, 1)', 'unterminatedString', { quote: '"' }],
		['1 # 2', 'unexpectedCharacter', { char: '#' }],
		['1 + 😀', 'unexpectedCharacter', { char: '😀' }],
		['${a} / 2', 'useDiv', { char: '/' }],
		['${a} % 2', 'useMod', { char: '%' }],
		['1 && 2', 'useAnd', { char: '&' }],
		['1 || 2', 'useOr', { char: '|' }],
		['!${a}', 'useNot', { char: '!' }],
		['${a} = ‘yes’', 'curlyQuote', { char: '‘' }],
		['${a} = “yes”', 'curlyQuote', { char: '“' }],
		['$age', 'dollarReference', { char: '$' }],
		['{age}', 'dollarReference', { char: '{' }],
		['${age', 'unclosedReference', { name: 'age', opening: '${age' }],
		['1 + ${', 'unclosedReference', { name: '', opening: '${' }],
		['${} = 1', 'emptyReference', undefined],
		['${1st}', 'referenceStart', undefined],
		['${a#b}', 'referenceCharacter', { char: '#' }],
		[`regex(., '${'a'.repeat(501)}')`, 'regexTooLong', { limit: 500 }]
	];
	it.each(cases)('%s → %s', (source, code, params) => {
		const result = parse(source);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe(code);
		expect(result.error.params).toEqual(params);
		expect(result.error.message).not.toBe('');
	});

	it('hands over the engine’s reason for an invalid literal regex', () => {
		const result = parse("regex(., '[a-')");
		expect(!result.ok && result.error.code).toBe('invalidRegex');
		expect(!result.ok && result.error.params).toEqual({ reason: expect.any(String) });
	});

	it('says notText for something that is not text', () => {
		expect(parse(42 as unknown as string)).toEqual({
			ok: false,
			error: { message: 'Expression must be text', position: 0, code: 'notText' }
		});
	});

	it('produces every code somewhere in the table, and only known codes', () => {
		const seen = new Set<string>([...cases.map(([, code]) => code), 'invalidRegex', 'notText']);
		// No function takes "at least n ≥ 1" arguments today; add a case when one does.
		expect(Object.values(FUNCTIONS).some((f) => f.max === null && f.min > 0)).toBe(false);
		seen.add('arityAtLeast');
		expect([...seen].sort()).toEqual([...EXPR_ERROR_CODES].sort());
	});

	it('keeps the same code with bare names on, where the problem is the same', () => {
		for (const [source, code] of cases.filter(
			([, c]) => c !== 'bareName' && c !== 'functionWithoutParens'
		)) {
			const result = parse(source, { bareNames: true });
			expect(!result.ok && result.error.code, source).toBe(code);
		}
	});
});

describe('parse: bare names (choice filters)', () => {
	const bare: ParseOptions = { bareNames: true };

	it('are an error by default, and with bareNames: false', () => {
		const error = {
			ok: false,
			error: {
				message: "Unexpected name 'state': refer to a question as ${state}",
				position: 0,
				code: 'bareName',
				params: { name: 'state', reference: '${state}' }
			}
		};
		expect(parse('state = ${state}')).toEqual(error);
		expect(parse('state = ${state}', {})).toEqual(error);
		expect(parse('state = ${state}', { bareNames: false })).toEqual(error);
	});

	const cases: [string, string][] = [
		['state = ${state}', '([state] = ${state})'],
		['state=${state}', '([state] = ${state})'],
		['selected(${support}, name)', 'selected(${support}, [name])'],
		["filter = 'a' or name = 'other'", '(([filter] = "a") or ([name] = "other"))'],
		[
			"name != 'other' and (region = ${region} or ${region} = '')",
			'(([name] != "other") and (([region] = ${region}) or (${region} = "")))'
		],
		['_x', '[_x]'],
		['a.b-c_1 = 1', '([a.b-c_1] = 1)'],
		['state-1', '[state-1]'],
		['state - 1', '([state] - 1)'],
		['-price * 2', '((-[price]) * 2)'],
		['الاسم = 1', '([الاسم] = 1)'],
		['Name = NAME', '([Name] = [NAME])'],
		['count-selected(list)', 'count-selected([list])'],
		['not(hidden)', 'not([hidden])'],
		['if(a, b, c)', 'if([a], [b], [c])'],
		['true', '[true]'],
		['true() and ok', '(true() and [ok])'],
		['. = code', '(. = [code])'],
		['1 div size mod 2', '((1 div [size]) mod 2)']
	];
	it.each(cases)('%s → %s', (source, expected) => {
		expect(shape(parsed(source, bare))).toBe(expected);
	});

	it('records where a column starts', () => {
		expect(parsed('  state = ${state}', bare)).toEqual({
			kind: 'binary',
			op: '=',
			start: 2,
			left: { kind: 'column', name: 'state', start: 2 },
			right: { kind: 'ref', name: 'state', start: 10 }
		});
	});

	const errors: [string, number, string][] = [
		['and = 1', 0, "Expected a value but found 'and'"],
		['state = or', 8, "Expected a value but found 'or'"],
		['state(1)', 0, 'Unknown function state()'],
		['IF(1, 2, 3)', 0, 'Unknown function IF() (function names are lower case: if())'],
		['state AND 1', 6, "Unknown operator 'AND': operators are lower case (and)"],
		['state name', 6, "Unexpected 'name': expected an operator or the end of the expression"],
		['${state} state', 9, "Unexpected 'state': expected an operator"],
		['state == 1', 6, "'==' is not an operator: compare with a single '='"],
		['$state', 0, "Unexpected character '$'"]
	];
	it.each(errors)('%s is still an error at %i: %s', (source, position, message) => {
		const result = parse(source, bare);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.position).toBe(position);
		expect(result.error.message.startsWith(message)).toBe(true);
	});

	it('changes nothing for expressions without bare names', () => {
		for (const source of ['1 + 2 * 3', "selected(${q}, 'x') and . > 1", 'count-selected(.)']) {
			expect(parse(source, bare)).toEqual(parse(source));
		}
	});
});

describe('parse: limits', () => {
	it(`refuses more than ${LIMITS.maxLength} characters, at the limit`, () => {
		expect(parse('1' + ' '.repeat(LIMITS.maxLength - 1)).ok).toBe(true);
		const result = parse('1' + ' '.repeat(LIMITS.maxLength));
		expect(result).toEqual({
			ok: false,
			error: {
				message: `Expression is too long (${LIMITS.maxLength + 1} characters; the limit is ${LIMITS.maxLength})`,
				position: LIMITS.maxLength,
				code: 'tooLong',
				params: { length: LIMITS.maxLength + 1, limit: LIMITS.maxLength }
			}
		});
	});

	it(`allows ${LIMITS.maxDepth} levels of nesting and refuses one more where it starts`, () => {
		const nest = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);
		expect(parse(nest(LIMITS.maxDepth)).ok).toBe(true);
		expect(parse(nest(LIMITS.maxDepth + 1))).toEqual({
			ok: false,
			error: {
				message: `Expression is nested too deeply (more than ${LIMITS.maxDepth} levels)`,
				position: LIMITS.maxDepth,
				code: 'tooDeep',
				params: { limit: LIMITS.maxDepth }
			}
		});
		expect(parse('-'.repeat(LIMITS.maxDepth) + '1').ok).toBe(true);
		const negations = parse('-'.repeat(LIMITS.maxDepth + 1) + '1');
		expect(!negations.ok && negations.error.position).toBe(LIMITS.maxDepth);
		const calls = parse('not('.repeat(LIMITS.maxDepth + 1) + '1' + ')'.repeat(LIMITS.maxDepth + 1));
		expect(!calls.ok && calls.error.position).toBe(4 * LIMITS.maxDepth);
	});

	const pathological: [string, string][] = [
		['10,000 (', '('.repeat(10_000)],
		['4,000 (', '('.repeat(LIMITS.maxLength)],
		['not(not(…', 'not('.repeat(999)],
		['4,000 minus signs', '-'.repeat(LIMITS.maxLength)],
		['nested calls with arguments', 'if(1, '.repeat(600)],
		['an unterminated 4,000-character string', "'" + 'a'.repeat(LIMITS.maxLength - 1)]
	];
	it.each(pathological)('returns an error quickly for %s', (_label, source) => {
		const started = performance.now();
		const result = parse(source);
		expect(performance.now() - started).toBeLessThan(50);
		expect(result.ok).toBe(false);
	});

	it('parses a flat chain near the length limit (a long left spine) without trouble', () => {
		const source = Array(LIMITS.maxLength / 2)
			.fill('1')
			.join('+');
		expect(source.length).toBe(LIMITS.maxLength - 1);
		expect(parse(source).ok).toBe(true);
	});
});
