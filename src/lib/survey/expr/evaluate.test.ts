import { describe, expect, it } from 'vitest';
import { LIMITS, type Expr } from './ast';
import {
	EvalError,
	evaluate,
	evaluateBoolean,
	type AnswerValue,
	type EvalContext,
	type Scalar
} from './evaluate';
import { parse } from './parse';
import { print } from './print';

type Answers = Record<string, AnswerValue>;

function parsed(source: string): Expr {
	const result = parse(source);
	if (!result.ok) throw new Error(`${source}: ${result.error.message} at ${result.error.position}`);
	return result.ast;
}

function parsedBare(source: string): Expr {
	const result = parse(source, { bareNames: true });
	if (!result.ok) throw new Error(`${source}: ${result.error.message} at ${result.error.position}`);
	return result.ast;
}

function context(answers: Answers = {}, current?: AnswerValue): EvalContext {
	return { value: (name) => answers[name], current, today: () => '2024-05-01' };
}

/** A context that remembers every question it was asked about. */
function recording(answers: Answers = {}): EvalContext & { read: string[] } {
	const read: string[] = [];
	return {
		read,
		value(name) {
			read.push(name);
			return answers[name];
		}
	};
}

const run = (source: string, answers?: Answers, current?: AnswerValue): Scalar =>
	evaluate(parsed(source), context(answers, current));

describe('evaluate: ODK semantics', () => {
	const cases: [string, Answers, Scalar][] = [
		// Unanswered questions read as ''.
		["${a} = ''", {}, true],
		["${a} = ''", { a: null }, true],
		["${a} = ''", { a: '' }, true],
		["${a} != ''", {}, false],
		["${a} = ''", { a: 'x' }, false],
		["${a} = ''", { a: 0 }, false],
		['${a}', {}, ''],
		['${a}', { a: 12 }, 12],
		['string-length(${a})', {}, 0],
		['not(${a})', {}, true],
		// Arithmetic converts with number(): '' and words are NaN, and + never joins text.
		['${a} + 1', {}, NaN],
		['${a} + 1', { a: '' }, NaN],
		['${a} + 1', { a: '41' }, 42],
		['${a} + 1', { a: 41 }, 42],
		["'1' + '2'", {}, 3],
		["'a' + 'b'", {}, NaN],
		['${m} + 1', { m: ['1'] }, 2],
		['${m} + 1', { m: ['1', '2'] }, NaN],
		['-${a}', {}, NaN],
		["-'3'", {}, -3],
		['1 + 2 * 3', {}, 7],
		['1 - 2 - 3', {}, -4],
		['2 * 3 mod 4', {}, 2],
		['7 mod 3', {}, 1],
		['-7 mod 3', {}, -1],
		['10 div 4', {}, 2.5],
		['1 div 0', {}, Infinity],
		['-1 div 0', {}, -Infinity],
		['0 div 0', {}, NaN],
		['5 mod 0', {}, NaN],
		// `=`: numeric when both sides are numbers, text otherwise, boolean when either is one.
		["'3' = 3", {}, true],
		["'03' = 3", {}, true],
		["' 3 ' = 3", {}, true],
		["'-2.5' = -2.5", {}, true],
		["'.5' = 0.5", {}, true],
		["'03' = '3'", {}, true],
		["'1e3' = 1000", {}, false],
		["'+3' = 3", {}, false],
		["'' = 0", {}, false],
		["'abc' = 'abc'", {}, true],
		["'abc' = 'ABC'", {}, false],
		["'abc' != 'abc'", {}, false],
		["3 = 'abc'", {}, false],
		["${age} = '18'", { age: 18 }, true],
		["true() = 'x'", {}, true],
		["false() = ''", {}, true],
		['1 = true()', {}, true],
		['0 = false()', {}, true],
		['${a} = false()', {}, true],
		// `<` `<=` `>` `>=` are numeric only; anything that is not a number makes them false.
		["'a' < 'b'", {}, false],
		["'b' > 'a'", {}, false],
		["'a' <= 'a'", {}, false],
		["'2' < '10'", {}, true],
		['${age} >= 18', { age: 18 }, true],
		['${age} >= 18', { age: '18' }, true],
		['${age} >= 18', { age: '17.5' }, false],
		['${age} >= 18', {}, false],
		['${age} < 18', {}, false],
		['true() > 0', {}, true],
		// NaN compares false, and != is the negation of =.
		['${a} + 1 > 0', {}, false],
		['${a} + 1 <= 0', {}, false],
		['${a} + 1 = ${a} + 1', {}, false],
		['${a} + 1 != 5', {}, true],
		// Dates ('YYYY-MM-DD') are days since 1970-01-01 for ordering and arithmetic, as in ODK.
		["'2024-01-31' < '2024-02-01'", {}, true],
		['${d} <= today()', { d: '2024-05-01' }, true],
		['${d} <= today()', { d: '2024-05-02' }, false],
		["today() - '2024-04-30'", {}, 1],
		['int((today() - ${dob}) div 365.25)', { dob: '2000-05-02' }, 23],
		["number('1970-01-02')", {}, 1],
		["'2024-02-30' < '2099-01-01'", {}, false],
		["'2024-05-01' = today()", {}, true],
		// Select answers: choice names joined by spaces.
		['${m}', { m: ['a', 'b'] }, 'a b'],
		["selected(${m}, 'b')", { m: ['a', 'b'] }, true],
		["selected(${m}, 'c')", { m: ['a', 'b'] }, false],
		["selected(${m}, ' b ')", { m: ['a', 'b'] }, true],
		["selected(${m}, '')", { m: ['a', 'b'] }, false],
		["selected(${m}, 'a')", {}, false],
		["selected(${m}, 'a')", { m: [] }, false],
		["selected(${s}, 'yes')", { s: 'yes' }, true],
		["selected(${s}, 'y')", { s: 'yes' }, false],
		["selected(${s}, '3')", { s: 3 }, true],
		['selected(${m}, 2)', { m: ['1', '2'] }, true],
		['count-selected(${m})', { m: ['a', 'b', 'c'] }, 3],
		['count-selected(${m})', { m: [] }, 0],
		['count-selected(${m})', {}, 0],
		['count-selected(${s})', { s: 'x' }, 1],
		['boolean(${m})', { m: [] }, false],
		['boolean(${m})', { m: ['a'] }, true],
		// Functions.
		["if(${a} > 1, 'big', 'small')", { a: 2 }, 'big'],
		["if(${a} > 1, 'big', 'small')", {}, 'small'],
		["concat(1, 2.5, 'a', true(), ${m})", { m: ['x', 'y'] }, '12.5atruex y'],
		['concat(5.0, 10 div 4)', {}, '52.5'],
		['concat(0.1 + 0.2)', {}, '0.30000000000000004'],
		['concat()', {}, ''],
		['concat(${a}, ${b})', {}, ''],
		['string(2.50)', {}, '2.5'],
		['string(1 div 0)', {}, 'Infinity'],
		["string-length('héllo')", {}, 5],
		["string-length('مرحبا')", {}, 5],
		["string-length('👍🏽')", {}, 2],
		['string-length(${m})', { m: ['a', 'bb'] }, 4],
		['string-length(12.5)', {}, 4],
		["regex('abc123', '^[a-z]+[0-9]+$')", {}, true],
		["regex('ABC', '^[a-z]+$')", {}, false],
		["regex('xabcx', 'abc')", {}, true],
		["regex('é', '^\\p{L}$')", {}, true],
		["regex(., '^[0-9]{9}$')", {}, false],
		['regex(${v}, ${p})', { v: 'a', p: '(' }, false],
		['regex(${v}, ${p})', { v: 'a', p: '[' }, false],
		['regex(${v}, ${p})', { v: 'a'.repeat(501), p: 'a'.repeat(501) }, false],
		['regex(${v}, ${p})', { v: 'a'.repeat(500), p: 'a'.repeat(500) }, true],
		["coalesce(${a}, 'x')", {}, 'x'],
		["coalesce(${a}, 'x')", { a: 'y' }, 'y'],
		["coalesce(${a}, 'x')", { a: 0 }, 0],
		['int(3.7)', {}, 3],
		['int(-3.7)', {}, -3],
		["int('2.9')", {}, 2],
		['int(${a})', {}, NaN],
		["number('')", {}, NaN],
		["number('abc')", {}, NaN],
		["number(' 12 ')", {}, 12],
		['number(true())', {}, 1],
		['not(1)', {}, false],
		['not(0)', {}, true],
		["not('')", {}, true],
		["boolean('0')", {}, true],
		["boolean('false')", {}, true],
		['boolean(0)', {}, false],
		['boolean(0 div 0)', {}, false],
		['boolean(-1)', {}, true],
		['true()', {}, true],
		['false()', {}, false],
		['round(2.5)', {}, 3],
		['round(-2.5)', {}, -3],
		['round(2.4)', {}, 2],
		['round(1.005, 2)', {}, 1.01],
		['round(1234.5678, 2)', {}, 1234.57],
		['round(1250, -2)', {}, 1300],
		['round(0.0000001234, 9)', {}, 1.23e-7],
		["round('x')", {}, NaN],
		["round(1.5, 'x')", {}, NaN],
		['round(1 div 0, 2)', {}, Infinity],
		["contains('humanitarian', 'man')", {}, true],
		["contains('abc', '')", {}, true],
		["contains(${a}, 'x')", {}, false],
		["starts-with('programme', 'pro')", {}, true],
		["starts-with('programme', 'gram')", {}, false],
		["ends-with('programme', 'me')", {}, true],
		["ends-with('programme', 'pro')", {}, false],
		["substr('hello', 1, 3)", {}, 'el'],
		["substr('hello', 2)", {}, 'llo'],
		["substr('👍ab', 1)", {}, 'ab'],
		["substr('abc', -1, 2)", {}, 'ab'],
		["substr('abc', 2, 1)", {}, ''],
		["substr('abc', 1, 99)", {}, 'bc'],
		["substr('abc', ${a})", {}, ''],
		['today()', {}, '2024-05-01'],
		// Short-circuit results are booleans, as in XPath.
		['1 and 2', {}, true],
		["0 or ''", {}, false]
	];
	it.each(cases)('%s with %j → %s', (source, answers, expected) => {
		expect(run(source, answers)).toBe(expected);
	});

	it('reads `.` from the current answer', () => {
		expect(run('. > 5', {}, 7)).toBe(true);
		expect(run('. > 5', {}, '4')).toBe(false);
		expect(run(". = ''", {}, undefined)).toBe(true);
		expect(run("selected(., 'b')", {}, ['a', 'b'])).toBe(true);
		expect(run('string-length(.) <= 3', {}, 'abcd')).toBe(false);
	});

	it('evaluateBoolean applies XPath boolean() to the result', () => {
		const yes = (source: string, answers?: Answers) =>
			evaluateBoolean(parsed(source), context(answers));
		expect(yes('${a}')).toBe(false);
		expect(yes('${a}', { a: 'x' })).toBe(true);
		expect(yes('${a}', { a: 0 })).toBe(false);
		expect(yes('${a} + 1')).toBe(false);
		expect(yes("concat('a', '')")).toBe(true);
		expect(yes("selected(${q12}, 'no') and ${age} >= 18", { q12: ['no'], age: 30 })).toBe(true);
		expect(yes("selected(${q12}, 'no') and ${age} >= 18", { q12: ['no'], age: 17 })).toBe(false);
	});

	it('today() defaults to the current UTC date', () => {
		const before = new Date().toISOString().slice(0, 10);
		const value = evaluate(parsed('today()'), { value: () => undefined });
		const after = new Date().toISOString().slice(0, 10);
		expect([before, after]).toContain(value);
		expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('evaluate: choice filters (bare column names)', () => {
	type Choice = Record<string, AnswerValue>;
	const choices: Choice[] = [
		{ name: 'lagos', state: 'LA', filter: 'a', size: '3' },
		{ name: 'ikeja', state: 'LA', filter: 'b', size: 10 },
		{ name: 'kano', state: 'KN', filter: 'a' },
		{ name: 'kaduna', state: 'KD', filter: '' },
		{ name: 'other', state: '', filter: null }
	];

	/** Names of the choices a filter keeps, as a select with a choice_filter would show them. */
	function kept(filter: string, answers: Answers = {}): string[] {
		const ast = parsedBare(filter);
		return choices
			.filter((choice) =>
				evaluateBoolean(ast, {
					value: (name) => answers[name],
					column: (name) => choice[name]
				})
			)
			.map((choice) => String(choice.name));
	}

	const cases: [string, Answers, string[]][] = [
		['state = ${state}', { state: 'LA' }, ['lagos', 'ikeja']],
		['state = ${state}', { state: 'KN' }, ['kano']],
		['state = ${state}', { state: 'XX' }, []],
		// Unanswered: only the choice whose column is also empty matches, as in ODK.
		['state = ${state}', {}, ['other']],
		["state = ${state} or name = 'other'", { state: 'KD' }, ['kaduna', 'other']],
		["filter = 'a' or name = 'other'", {}, ['lagos', 'kano', 'other']],
		["filter != ''", {}, ['lagos', 'ikeja', 'kano']],
		['selected(${support}, name)', { support: ['kano', 'other'] }, ['kano', 'other']],
		['selected(${support}, name)', { support: 'ikeja' }, ['ikeja']],
		['selected(${support}, name)', {}, []],
		[
			'not(selected(${support}, name))',
			{ support: ['lagos'] },
			['ikeja', 'kano', 'kaduna', 'other']
		],
		['size > 5', {}, ['ikeja']],
		['size + 1 = 4', {}, ['lagos']],
		["missing = ''", {}, ['lagos', 'ikeja', 'kano', 'kaduna', 'other']],
		["starts-with(name, 'ka')", {}, ['kano', 'kaduna']],
		["${region} = '' or state = ${region}", {}, ['lagos', 'ikeja', 'kano', 'kaduna', 'other']],
		["${region} = '' or state = ${region}", { region: 'KD' }, ['kaduna']]
	];
	it.each(cases)('%s with %j keeps %j', (filter, answers, expected) => {
		expect(kept(filter, answers)).toEqual(expected);
	});

	it('normalises column values like answers', () => {
		const columnValue = (value: AnswerValue) =>
			evaluate(parsedBare('c'), { value: () => 'x', column: () => value });
		expect(columnValue(undefined)).toBe('');
		expect(columnValue(null)).toBe('');
		expect(columnValue('')).toBe('');
		expect(columnValue('LA')).toBe('LA');
		expect(columnValue(7)).toBe(7);
		expect(columnValue(['a', 'b'])).toBe('a b');
	});

	it("reads '' for every column when the context has no column()", () => {
		expect(evaluate(parsedBare('state'), context({ state: 'LA' }))).toBe('');
		expect(evaluate(parsedBare("state = ''"), context({ state: 'LA' }))).toBe(true);
		expect(evaluate(parsedBare('state = ${state}'), context({ state: 'LA' }))).toBe(false);
	});

	it('asks column() for columns and value() for questions, lazily', () => {
		const asked: string[] = [];
		const ctx: EvalContext = {
			value: (name) => (asked.push(`\${${name}}`), 'LA'),
			column: (name) => (asked.push(name), name === 'state' ? 'LA' : '')
		};
		expect(evaluate(parsedBare("state = ${state} or name = 'x'"), ctx)).toBe(true);
		expect(asked).toEqual(['state', '${state}']);
	});
});

describe('evaluate: laziness', () => {
	it('if() evaluates only the branch it takes', () => {
		const ctx = recording({ c: 'yes' });
		expect(evaluate(parsed("if(${c} = 'yes', ${then}, ${else})"), ctx)).toBe('');
		expect(ctx.read).toEqual(['c', 'then']);

		const other = recording({});
		evaluate(parsed("if(${c} = 'yes', ${then}, ${else})"), other);
		expect(other.read).toEqual(['c', 'else']);
	});

	it('and/or stop at the first operand that decides the result', () => {
		const and = recording({ a: '' });
		expect(evaluate(parsed('${a} and ${b} = 1'), and)).toBe(false);
		expect(and.read).toEqual(['a']);

		const or = recording({ a: 'x' });
		expect(evaluate(parsed('${a} or ${b} = 1'), or)).toBe(true);
		expect(or.read).toEqual(['a']);

		const both = recording({ a: 'x', b: 1 });
		expect(evaluate(parsed('${a} and ${b} = 1'), both)).toBe(true);
		expect(both.read).toEqual(['a', 'b']);
	});

	it('coalesce() reads its fallback only when the first value is empty', () => {
		const ctx = recording({ a: 'x' });
		evaluate(parsed('coalesce(${a}, ${b})'), ctx);
		expect(ctx.read).toEqual(['a']);
	});

	it('an untaken branch with a question that does not exist is harmless', () => {
		const ctx: EvalContext = {
			value(name) {
				if (name === 'gone') throw new Error('should not be read');
				return 'yes';
			}
		};
		expect(evaluate(parsed("if(${a} = 'yes', 1, ${gone} + 1)"), ctx)).toBe(1);
		expect(evaluate(parsed("${a} = 'no' and ${gone}"), ctx)).toBe(false);
	});
});

describe('evaluate: trees the parser would not produce', () => {
	const bad: [string, Expr][] = [
		['an unknown function', { kind: 'call', name: 'sum' as 'concat', args: [], start: 0 }],
		['too few arguments', { kind: 'call', name: 'if', args: [], start: 0 }],
		[
			'too many arguments',
			{
				kind: 'call',
				name: 'not',
				args: Array(2).fill({ kind: 'number', value: 1, start: 0 }),
				start: 0
			}
		],
		['an unknown node', { kind: 'variable', start: 0 } as unknown as Expr]
	];
	it.each(bad)('%s throws EvalError', (_label, ast) => {
		expect(() => evaluate(ast, context())).toThrow(EvalError);
	});
});

describe('evaluate: size', () => {
	it('evaluates and prints a flat chain near the length limit (a deep left spine)', () => {
		const source = Array(LIMITS.maxLength / 2)
			.fill('1')
			.join('+');
		const ast = parsed(source);
		expect(evaluate(ast, context())).toBe(LIMITS.maxLength / 2);
		expect(print(ast)).toBe(source.replaceAll('+', ' + '));
		const or = Array(LIMITS.maxLength / 8)
			.fill('${a}')
			.join(' or ');
		expect(evaluate(parsed(or), context({ a: 'x' }))).toBe(true);
	});
});

describe('evaluate: performance guard', () => {
	it('parses and evaluates 300 typical relevant expressions in well under 50 ms', () => {
		const templates = [
			(i: number) => `selected(\${q${i}}, 'no') and \${age} >= 18`,
			(i: number) => `\${q${i}} = 'yes' or count-selected(\${services}) > 2`,
			(i: number) => `if(\${score} > ${i}, 'high', 'low') = 'high'`,
			(i: number) => `regex(\${phone}, '^[0-9]{9}$') and string-length(\${name${i}}) > 0`,
			(i: number) => `not(selected(\${q${i}}, 'refused')) and (\${age} + 1) div 2 < 40`
		];
		const sources = Array.from({ length: 300 }, (_, i) => templates[i % templates.length]!(i));
		const answers: Answers = {
			age: 34,
			services: ['food', 'legal', 'shelter'],
			score: 150,
			phone: '912345678'
		};
		for (let i = 0; i < 300; i++) answers[`q${i}`] = i % 3 === 0 ? 'no' : ['yes', 'no'];
		const ctx = context(answers);
		// One pass over the templates first, so the bound measures the code, not JIT warm-up.
		for (let i = 0; i < templates.length; i++) evaluateBoolean(parsed(sources[i]!), ctx);

		const started = performance.now();
		let truthy = 0;
		for (const source of sources) if (evaluateBoolean(parsed(source), ctx)) truthy++;
		const elapsed = performance.now() - started;

		expect(truthy).toBeGreaterThan(0);
		expect(truthy).toBeLessThan(300);
		expect(elapsed).toBeLessThan(50);
	});
});
