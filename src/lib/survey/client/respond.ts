/**
 * The only script of the respondent pages, bundled on its own (imported with `?worker&url`)
 * so the pages stay light and no framework state lands in sessionStorage. It adds, on top of
 * pages that work without it: skip logic and choice filters updated as the person answers, an
 * instant quick exit (button and Esc) that replaces this page in the history, "prefer not to
 * say" that clears the other ticks, and one submission per click. It stores nothing.
 */
import { PREFER_NOT_TO_SAY } from '../chrome';
import { visibleChoices } from '../choices';
import type { Instrument } from '../model';
import { readPage } from '../pages';
import { relevanceOf, type Answers } from '../relevance';

interface Logic {
	page: number;
	instrument: Instrument;
	answers: Answers;
}

function quickExit(form: HTMLFormElement) {
	const target = form.dataset.exit || 'about:blank';
	document.body.hidden = true;
	// keepalive lets the request that ends the draft finish while the page goes away.
	void fetch(form.action, {
		method: 'POST',
		body: new URLSearchParams(),
		keepalive: true,
		credentials: 'same-origin'
	}).catch(() => {});
	location.replace(target);
}

function setUpExit() {
	const form = document.querySelector<HTMLFormElement>('form.quick-exit');
	if (!form) return;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		quickExit(form);
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') quickExit(form);
	});
}

function setUpSkipLogic() {
	const form = document.querySelector<HTMLFormElement>('#survey-form');
	const data = document.getElementById('survey-logic')?.textContent;
	if (!form || !data) return;
	const logic = JSON.parse(data) as Logic;
	const page = logic.instrument.pages[logic.page];
	if (!page) return;
	const visibleFor = relevanceOf(logic.instrument);
	const shownField = form.querySelector<HTMLInputElement>('input[name="_shown"]');

	const update = () => {
		const posted = readPage(page, new URLSearchParams(new FormData(form) as never));
		const answers: Answers = { ...logic.answers, ...posted } as Answers;
		const visible = visibleFor(answers);
		const shown: string[] = [];
		for (const q of page.questions) {
			const wrapper = form.querySelector<HTMLElement>(`[data-question="${CSS.escape(q.name)}"]`);
			if (!wrapper) continue;
			const on = visible.has(q.name);
			if (on) shown.push(q.name);
			if (wrapper.hidden === on) wrapper.hidden = !on;
			if (on && q.choiceFilter) {
				const offered = new Set(visibleChoices(q, logic.instrument, answers).map((c) => c.name));
				for (const option of wrapper.querySelectorAll<HTMLElement>('[data-choice]')) {
					const keep = offered.has(option.dataset.choice!);
					option.hidden = !keep;
					if (!keep) option.querySelector('input')!.checked = false;
				}
			}
		}
		if (shownField) shownField.value = shown.join(',');
	};

	form.addEventListener('change', (event) => {
		const input = event.target as HTMLInputElement;
		if (input.type === 'checkbox' && input.checked) {
			// "Prefer not to say" and real choices exclude each other.
			const pnts = input.value === PREFER_NOT_TO_SAY;
			for (const other of form.querySelectorAll<HTMLInputElement>(
				`input[type="checkbox"][name="${CSS.escape(input.name)}"]`
			)) {
				if (other !== input && (pnts || other.value === PREFER_NOT_TO_SAY)) other.checked = false;
			}
		}
		update();
	});
	form.addEventListener('input', update);

	let sent = false;
	form.addEventListener('submit', (event) => {
		// A second click while the first is on its way would only show an error page.
		if (sent) event.preventDefault();
		sent = true;
		setTimeout(() => (sent = false), 8000);
	});
	update();
	document.querySelector<HTMLElement>('.error-summary')?.focus();
}

setUpExit();
setUpSkipLogic();
// Lets styles (and tests) know the page is enhanced.
document.documentElement.classList.add('js');
