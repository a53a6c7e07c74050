import { z } from 'zod';
import type { IndicatorRule } from '../server/indicators/math';

/**
 * An indicator rule arriving from outside (the logframe .xlsx import, an indicator form's JSON):
 * exactly the shape of `IndicatorRule`, unknown keys refused so a misspelt key is an error rather
 * than a silently different rule. It also refuses what `computeIndicator` would throw on (a
 * scale with repeated items, a range with min not below max), so a stored rule always computes.
 */

/** Question and choice names are XLSForm names: at most 64 characters (survey/schema.ts). */
const name = z.string().min(1, 'validation.required').max(64, 'validation.tooLong');
const names = z.array(name).min(1, 'validation.required').max(50, 'validation.tooLong').readonly();
const finite = z.number().finite();

const where = z.strictObject({ question: name, choices: names });

export const indicatorRuleSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('percentInSet'), question: name, choices: names }),
	z.strictObject({ kind: z.literal('percentSelecting'), question: name, choice: name }),
	z.strictObject({ kind: z.literal('mean'), question: name }),
	z.strictObject({ kind: z.literal('median'), question: name }),
	z.strictObject({ kind: z.literal('count'), where: where.optional() }),
	z
		.strictObject({
			kind: z.literal('scaleScore'),
			items: names.refine((items) => new Set(items).size === items.length, 'validation.invalid'),
			minAnswered: z.number().int().min(1).optional(),
			rescaleFrom: z
				.strictObject({ min: finite, max: finite })
				.refine((range) => range.max > range.min, 'validation.invalid')
				.optional()
		})
		.refine((rule) => rule.minAnswered === undefined || rule.minAnswered <= rule.items.length, {
			message: 'validation.invalid',
			path: ['minAnswered']
		})
]) satisfies z.ZodType<IndicatorRule>;

// Both ways: a change to IndicatorRule that the schema does not follow fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof indicatorRuleSchema>, IndicatorRule> = true;
