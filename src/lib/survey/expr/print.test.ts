import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns } from './analyse';
import { FUNCTIONS, type BinaryOp, type Expr, type FunctionName, type ParseOptions } from './ast';
import { EvalError, evaluate, type AnswerValue, type EvalContext } from './evaluate';
import { parse } from './parse';
import { plainDecimal, print } from './print';

const OPS: BinaryOp[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', 'div', 'mod'];
const NAMES = ['a', 'b', 'age', 'q_1', 'x.y-z'];
const COLUMNS = ['name', 'state', 'a', 'x.y-z', '_f1', 'true', 'if', 'count-selected', 'Or'];

const answer: fc.Arbitrary<AnswerValue> = fc.oneof(
	fc.constant(undefined),
	fc.constant(null),
	fc.constant(''),
	fc.string({ maxLength: 8 }),
	fc.constantFrom('3', '-2.5', '03', 'yes', 'a b', '2024-02-29'),
	fc.double(),
	fc.integer({ min: -100, max: 100 }),
	fc.array(fc.constantFrom('a', 'b', 'yes', 'no', '1'), { maxLength: 4 })
);

/**
 * Random trees, including values source text cannot spell directly (NaN, -0, 1e300, quotes);
 * with `withColumns`, also bare column names (choice filters), some spelled like functions.
 */
function trees(withColumns: boolean): fc.Arbitrary<Expr> {
	const column = fc.record({
		kind: fc.constant('column'),
		name: fc.constantFrom(...COLUMNS),
		start: fc.constant(0)
	});
	const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
		expr: fc.oneof(
			{ maxDepth: 5, depthSize: 'small' },
			fc.record({ kind: fc.constant('number'), value: fc.double(), start: fc.constant(0) }),
			fc.record({ kind: fc.constant('string'), value: fc.string(), start: fc.constant(0) }),
			fc.record({
				kind: fc.constant('string'),
				value: fc.array(fc.constantFrom("'", '"', 'a', ' ')).map((c) => c.join('')),
				start: fc.constant(0)
			}),
			fc.record({
				kind: fc.constant('ref'),
				name: fc.constantFrom(...NAMES),
				start: fc.constant(0)
			}),
			...(withColumns ? [column] : []),
			fc.record({ kind: fc.constant('current'), start: fc.constant(0) }),
			fc.record({ kind: fc.constant('negate'), operand: tie('expr'), start: fc.constant(0) }),
			fc.record({
				kind: fc.constant('binary'),
				op: fc.constantFrom(...OPS),
				left: tie('expr'),
				right: tie('expr'),
				start: fc.constant(0)
			}),
			fc.constantFrom(...(Object.keys(FUNCTIONS) as FunctionName[])).chain((name) => {
				const { min, max } = FUNCTIONS[name];
				return fc.record({
					kind: fc.constant('call'),
					name: fc.constant(name),
					args: fc.array(tie('expr'), { minLength: min, maxLength: max ?? min + 3 }),
					start: fc.constant(0)
				});
			})
		) as fc.Arbitrary<Expr>
	}));
	return expr;
}

const expr = trees(false);
const exprWithColumns = trees(true);

const ctx: fc.Arbitrary<EvalContext> = fc
	.record({
		answers: fc.dictionary(fc.constantFrom(...NAMES), answer),
		columns: fc.dictionary(fc.constantFrom(...COLUMNS), answer),
		current: answer
	})
	.map(({ answers, columns, current }) => ({
		value: (name: string) => answers[name],
		column: (name: string) => columns[name],
		current,
		today: () => '2024-05-01'
	}));

/** A regex() pattern from a random tree may be a literal the parser refuses; those are skipped. */
function literalPatternsCompile(ast: Expr, options?: ParseOptions): boolean {
	const result = parse(print(ast), options);
	return result.ok || !result.error.message.startsWith('regex() pattern');
}

const same = (a: unknown, b: unknown) => Object.is(a, b);

describe('print', () => {
	const cases: [string, string][] = [
		['1+2*3', '1 + 2 * 3'],
		['(1+2)*3', '(1 + 2) * 3'],
		['1-(2-3)', '1 - (2 - 3)'],
		['(1-2)-3', '1 - 2 - 3'],
		['8 div (2 div 2)', '8 div (2 div 2)'],
		['(${a} or ${b}) and ${c}', '(${a} or ${b}) and ${c}'],
		['${a} or (${b} and ${c})', '${a} or ${b} and ${c}'],
		['(1 = 2) = (3 = 4)', '1 = 2 = (3 = 4)'],
		['-(1) * -(${a})', '-1 * -${a}'],
		['-(1 + 2)', '-(1 + 2)'],
		['- -1', '--1'],
		['.5', '0.5'],
		['007.10', '7.1'],
		["  if( . >=18 ,'adult',\"it's\" )", "if(. >= 18, 'adult', \"it's\")"],
		['concat( )', 'concat()'],
		['123456789012345678901234567890', '123456789012345680000000000000'],
		['0.00000001', '0.00000001']
	];
	it.each(cases)('%s → %s', (source, expected) => {
		const result = parse(source);
		expect(result.ok && print(result.ast)).toBe(expected);
	});

	const bare: [string, string][] = [
		['state=${state}', 'state = ${state}'],
		['selected( ${support} ,name )', 'selected(${support}, name)'],
		["(filter='a') or (name='other')", "filter = 'a' or name = 'other'"],
		['-(price) * (a.b-c)', '-price * a.b-c'],
		['-(price * 2)', '-(price * 2)'],
		['true', 'true'],
		['if(if, true(), true)', 'if(if, true(), true)']
	];
	it.each(bare)('with bare names: %s → %s', (source, expected) => {
		const result = parse(source, { bareNames: true });
		expect(result.ok && print(result.ast)).toBe(expected);
	});

	it('prints a column as its bare name', () => {
		expect(print({ kind: 'column', name: 'state', start: 0 })).toBe('state');
		expect(
			print({
				kind: 'binary',
				op: '=',
				left: { kind: 'column', name: 'x.y-z', start: 0 },
				right: { kind: 'ref', name: 'x.y-z', start: 0 },
				start: 0
			})
		).toBe('x.y-z = ${x.y-z}');
	});

	it('spells values that have no literal form', () => {
		const num = (value: number): Expr => ({ kind: 'number', value, start: 0 });
		const str = (value: string): Expr => ({ kind: 'string', value, start: 0 });
		expect(print(num(-2))).toBe('-2');
		expect(print(num(-0))).toBe('-0');
		expect(print(num(NaN))).toBe('0 div 0');
		expect(print(num(Infinity))).toBe('1 div 0');
		expect(print({ kind: 'binary', op: '*', left: num(2), right: num(-Infinity), start: 0 })).toBe(
			'2 * (-1 div 0)'
		);
		expect(print(num(1e21))).toBe('1000000000000000000000');
		expect(print(num(1.5e-7))).toBe('0.00000015');
		expect(print(str(`it's "quoted"`))).toBe(`concat("it's ", '"quoted"')`);
	});

	it('plainDecimal never uses exponent notation and reads back as the same number', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, noNaN: true, noDefaultInfinity: true, max: Number.MAX_VALUE }),
				(n) => {
					const text = plainDecimal(n);
					expect(text).toMatch(/^[0-9]+(\.[0-9]+)?$/);
					expect(Number(text)).toBe(n);
				}
			)
		);
	});
});

describe('print/parse properties', () => {
	it('print is a fixed point: parse(print(ast)) succeeds and prints the same text', () => {
		fc.assert(
			fc.property(expr, (ast) => {
				fc.pre(literalPatternsCompile(ast));
				const text = print(ast);
				const again = parse(text);
				if (!again.ok)
					throw new Error(`${text}: ${again.error.message} at ${again.error.position}`);
				expect(print(again.ast)).toBe(text);
			}),
			{ numRuns: 2000 }
		);
	});

	it('printing keeps the meaning: the re-parsed tree evaluates to the same value', () => {
		fc.assert(
			fc.property(expr, ctx, (ast, context) => {
				fc.pre(literalPatternsCompile(ast));
				const again = parse(print(ast));
				expect(again.ok).toBe(true);
				if (again.ok) expect(same(evaluate(again.ast, context), evaluate(ast, context))).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});

	it('with bare names, column trees print to text that parses back to the same text and value', () => {
		const bare: ParseOptions = { bareNames: true };
		fc.assert(
			fc.property(exprWithColumns, ctx, (ast, context) => {
				fc.pre(literalPatternsCompile(ast, bare));
				const text = print(ast);
				const again = parse(text, bare);
				if (!again.ok)
					throw new Error(`${text}: ${again.error.message} at ${again.error.position}`);
				expect(print(again.ast)).toBe(text);
				expect(same(evaluate(again.ast, context), evaluate(ast, context))).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});

	it('bareNames changes only how column names parse: without it, their text is refused', () => {
		fc.assert(
			fc.property(exprWithColumns, (ast) => {
				fc.pre(literalPatternsCompile(ast, { bareNames: true }));
				const text = print(ast);
				const plain = parse(text);
				if (columns(ast).size > 0) expect(plain.ok).toBe(false);
				else expect(plain).toEqual(parse(text, { bareNames: true }));
			}),
			{ numRuns: 1000 }
		);
	});

	it('evaluate never throws anything but EvalError on valid trees and random answers', () => {
		fc.assert(
			fc.property(exprWithColumns, ctx, (ast, context) => {
				try {
					const value = evaluate(ast, context);
					expect(['string', 'number', 'boolean']).toContain(typeof value);
				} catch (e) {
					expect(e).toBeInstanceOf(EvalError);
				}
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('parse never throws', () => {
	const wellFormedWith = (options?: ParseOptions) => (source: string) => {
		const result = parse(source, options);
		if (result.ok) {
			const text = print(result.ast);
			const again = parse(text, options);
			expect(again.ok && print(again.ast)).toBe(text);
		} else {
			expect(result.error.position).toBeGreaterThanOrEqual(0);
			expect(result.error.position).toBeLessThanOrEqual(source.length);
			expect(result.error.message.length).toBeGreaterThan(5);
		}
	};
	const wellFormed = wellFormedWith();

	it('for arbitrary strings', () => {
		fc.assert(fc.property(fc.string(), wellFormed), { numRuns: 2000 });
	});

	it('for arbitrary grapheme strings', () => {
		fc.assert(fc.property(fc.string({ unit: 'grapheme' }), wellFormed), { numRuns: 2000 });
	});

	it('for token soup (near-valid expressions)', () => {
		const token = fc.constantFrom(
			'(',
			')',
			',',
			' ',
			'.',
			'1',
			'2.5',
			'.5',
			"'a'",
			'"b c"',
			"'",
			'"',
			'${a}',
			'${',
			'}',
			'$',
			'${x-y.z}',
			'+',
			'-',
			'*',
			'=',
			'!=',
			'<',
			'<=',
			'>',
			'>=',
			' and ',
			' or ',
			' div ',
			' mod ',
			'AND',
			'not(',
			'if(',
			'selected(',
			'concat(',
			'regex(',
			'foo(',
			'today()',
			'true',
			'/',
			'!',
			'==',
			'\n',
			'state',
			'name',
			'x.y-z',
			'State'
		);
		const soup = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));
		fc.assert(fc.property(soup, wellFormed), { numRuns: 5000 });
		fc.assert(fc.property(soup, wellFormedWith({ bareNames: true })), { numRuns: 5000 });
	});

	it('with bare names, for arbitrary strings', () => {
		fc.assert(fc.property(fc.string(), wellFormedWith({ bareNames: true })), { numRuns: 2000 });
	});
});
