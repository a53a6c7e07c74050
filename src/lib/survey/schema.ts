import { z } from 'zod';
import { QUESTION_TYPES } from './model';

/**
 * Structural check of an instrument arriving from outside (builder autosave, import, seed).
 * Meaning (unique names, expressions, cycles) is checked by validate.ts.
 */
const text = z.record(z.string().max(16), z.string().max(4000));
const extra = z.record(z.string().max(200), z.string().max(4000)).optional();
const expression = z.string().max(4000).optional();

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

const range = z.object({
	start: z.number().finite(),
	end: z.number().finite(),
	step: z.number().finite().positive(),
	startLabel: text.optional(),
	endLabel: text.optional()
});

const question = z.object({
	id: z.string().min(1).max(64),
	type: z.enum(QUESTION_TYPES),
	name: z.string().max(64),
	label: text,
	hint: text.optional(),
	required: z.boolean().optional(),
	requiredMessage: text.optional(),
	relevant: expression,
	constraint: expression,
	constraintMessage: text.optional(),
	calculation: expression,
	choiceFilter: expression,
	appearance: z.string().max(200).optional(),
	default: z.string().max(4000).optional(),
	listName: z.string().max(64).optional(),
	range: range.optional(),
	preferNotToSay: z.boolean(),
	extra
});

const page = z.object({
	id: z.string().min(1).max(64),
	name: z.string().max(64),
	label: text,
	relevant: expression,
	appearance: z.string().max(200).optional(),
	questions: z.array(question).max(2000),
	extra
});

export const instrumentSchema = z.object({
	formId: z.string().max(200),
	languages: z
		.array(
			z.object({
				code: z.string().min(1).max(16),
				name: z.string().max(100),
				dir: z.enum(['ltr', 'rtl'])
			})
		)
		.min(1)
		.max(40),
	defaultLanguage: z.string().min(1).max(16),
	title: text,
	pages: z.array(page).max(500),
	choiceLists: z
		.array(
			z.object({
				name: z.string().max(64),
				choices: z.array(z.object({ name: z.string().max(64), label: text, extra })).max(1000)
			})
		)
		.max(500),
	settingsExtra: extra
});
