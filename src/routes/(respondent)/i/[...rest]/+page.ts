// No client-side framework on respondent pages: it would keep state in sessionStorage and
// weigh more than the page. One small script adds skip logic (see Respondent.svelte).
export const csr = false;
