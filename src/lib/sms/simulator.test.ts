import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import { helpText, optedInText, optedOutText } from './words';
import { openConversation, readMeta, sendMessage, type SimulatorStep } from './simulator';

const OPTIONS = { keyword: 'HELLO', expiresAfterMs: 3 * 24 * 3600 * 1000 };

function run(replies: string[], from = openConversation(DEMO_SURVEY, 0)): SimulatorStep {
	let step = from;
	for (const body of replies) step = sendMessage(DEMO_SURVEY, step.meta, body, 1000, OPTIONS);
	return step;
}

describe('the simulator', () => {
	it('opens on the language menu, each language in its own script', () => {
		const step = openConversation(DEMO_SURVEY, 0);
		expect(step.messages).toEqual([{ text: expect.stringContaining('4 العربية'), lang: null }]);
		expect(step.meta.conversation?.language).toBeNull();
	});

	it('completes the demo survey in Arabic, every message tagged with the language', () => {
		let step = run(['4']);
		expect(step.messages.every((m) => m.lang === 'ar')).toBe(true);
		for (let i = 0; i < 40 && step.meta.conversation; i++) step = run(['1'], step);
		expect(step.outcome).toBe('completed');
		expect(step.messages.at(-1)).toEqual({ text: 'شكرًا لكم. تم إرسال إجاباتكم.', lang: 'ar' });
		expect(step.meta.conversation).toBeNull();
	});

	it('answers HELP with the help text and keeps the question open', () => {
		const before = run(['1']);
		const step = run(['help'], before);
		expect(step.messages).toEqual([{ text: helpText('en', 'HELLO'), lang: 'en' }]);
		expect(step.meta).toEqual(before.meta);
	});

	it('ends on STOP, then stays silent until START', () => {
		const stopped = run(['2', ' Stop ']);
		expect(stopped.messages).toEqual([{ text: optedOutText('fr'), lang: 'fr' }]);
		expect(stopped.meta).toMatchObject({ conversation: null, optedOut: true });
		expect(run(['1'], stopped).messages).toEqual([]);
		const back = run(['UNSTOP'], stopped);
		expect(back.messages).toEqual([{ text: optedInText('fr', 'HELLO'), lang: 'fr' }]);
		expect(run(['hi'], back).messages[0]!.text).toContain('1 English');
	});

	it('reads back only states the engine wrote', () => {
		const step = run(['1']);
		expect(readMeta(JSON.parse(JSON.stringify(step.meta)))).toEqual(step.meta);
		expect(readMeta({ conversation: { v: 2 }, optedOut: false, language: null })).toBeNull();
		expect(readMeta({ conversation: null, optedOut: true, language: 'en' })).toEqual({
			conversation: null,
			optedOut: true,
			language: 'en'
		});
	});
});
