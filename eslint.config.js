import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'drizzle/', 'test-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// Heard is served at the root (no kit.paths.base), so plain root-relative hrefs are right.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }]
		}
	},
	{
		// A donor-bound result is made by the disclosure module only (decision 011): a cast to
		// ForDonor anywhere else would hand a donor figures that skipped the release.
		files: ['**/*.ts', '**/*.svelte'],
		ignores: ['src/lib/server/disclosure/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "TSAsExpression > TSTypeReference[typeName.name='ForDonor']",
					message: 'Only the disclosure module makes donor figures (decision 011).'
				},
				{
					selector: "TSTypeAssertion > TSTypeReference[typeName.name='ForDonor']",
					message: 'Only the disclosure module makes donor figures (decision 011).'
				}
			]
		}
	},
	{
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
