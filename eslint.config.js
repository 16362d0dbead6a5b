import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import globals from 'globals';
import ts from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import svelteConfig from './svelte.config.js';

// Type-aware linting of a .svelte file hands TypeScript virtual code that differs from the
// file on disk, so typescript-eslint rebuilt the whole program (and its checker) for each
// of the ~100 components: 2 of the 3 minutes of `npm run lint`. The parser's hook serves
// TypeScript the same virtual code when it reads a .svelte file, so one program serves
// every file (ADR 031). It must be on before the parser loads, hence the late import.
process.env.SVELTE_ESLINT_PARSER_EXPERIMENTAL_TS_SYS_HOOK ??= '1';
const { default: svelte } = await import('eslint-plugin-svelte');

const KIT = {
	group: ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*'],
	message: 'Only src/lib/server/http speaks SvelteKit; throw the errors in errors.ts.'
};
const SURFACE = "Import the feature's public surface (its index.ts), not its files.";
/** From a feature's file: a file of another feature (`../other/file`). */
const SIBLING_FEATURE_FILE = { regex: '^\\.\\./[^./][^/]*/', message: SURFACE };
/** From outside the features: a file inside one (`…/features/name/file`). */
const FEATURE_FILE = { regex: '(^|/)features/[^/]+/', message: SURFACE };
/** The form library is spoken by two modules only, so it can be replaced there (ADR 025). */
const FORM_LIBRARY = {
	group: ['sveltekit-superforms', 'sveltekit-superforms/*'],
	message:
		'Forms go through defineForm and its helpers (src/lib/server/http/forms.ts) and useForm (src/lib/forms.svelte.ts).'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'.data*/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			// Type-aware rules (recommendedTypeChecked): the TypeScript project answers.
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'] }
		},
		rules: {
			// typescript-eslint recommends this off for TS projects: the compiler checks it.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		// Files outside the TypeScript project (configs, scripts): the plain rules only.
		files: ['*.config.js', '*.config.ts', 'scripts/**', 'tests/e2e/*.js'],
		...ts.configs.disableTypeChecked
	},
	{
		// Specs call loads and actions with hand-built events and read raw rows: the unsafe-any
		// rules would only move their casts around. Every other type-aware rule applies.
		files: ['**/*.spec.ts'],
		rules: {
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off'
		}
	},
	{
		// No import cycles (they pulled Kit into every service and the CLIs once).
		files: ['src/**/*.ts', 'src/**/*.svelte', 'scripts/**/*.ts'],
		plugins: { 'import-x': importX },
		settings: {
			...importX.flatConfigs.typescript.settings,
			'import-x/extensions': ['.ts', '.js', '.svelte'],
			'import-x/parsers': {
				'@typescript-eslint/parser': ['.ts'],
				'svelte-eslint-parser': ['.svelte']
			},
			'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
			// Each module's imports parsed once per run: the default forgets them after 30 s,
			// so a run longer than that parsed the whole graph again and again.
			'import-x/cache': { lifetime: '∞' },
			// Packages cannot import our modules, so a cycle never runs through them: they are
			// not followed. (The rule's `ignoreExternal` did the same by resolving every import
			// of the whole graph again from each linted file: 15 s of a run, ADR 031.)
			'import-x/ignore': ['node_modules']
		},
		rules: { 'import-x/no-cycle': 'error' }
	},
	{
		// A file nothing imports cannot be on a cycle: specs, and the route files SvelteKit
		// loads itself. Following every import of theirs only to find no way back was a fifth
		// of a lint run (ADR 031); each cycle is still reported at the files on it.
		files: ['**/*.spec.ts', 'src/routes/**/+*.ts', 'src/routes/**/+*.svelte'],
		rules: { 'import-x/no-cycle': 'off' }
	},
	// The core is Kit-free: only the HTTP adapter (src/lib/server/http) speaks SvelteKit, so
	// services and the CLIs run anywhere. Features meet only through each other's public
	// surface (their index.ts, named exports): a feature's other files are its own.
	{
		files: ['src/lib/server/features/**/*.ts'],
		ignores: ['src/lib/server/**/*.spec.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [KIT, SIBLING_FEATURE_FILE, FORM_LIBRARY] }],
			// A versioned row's next version comes from the lock helpers (db/lock.ts), one rule
			// for every optimistic lock.
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"Property[key.name='version'] > :matches(BinaryExpression[operator='+'], TaggedTemplateExpression)",
					message: 'Use nextVersion(table) or updateVersioned (db/lock.ts).'
				}
			]
		}
	},
	{
		files: ['src/lib/server/**/*.ts'],
		ignores: [
			'src/lib/server/features/**',
			'src/lib/server/http/**',
			'src/lib/server/testing/**',
			'src/lib/server/**/*.spec.ts'
		],
		rules: { 'no-restricted-imports': ['error', { patterns: [KIT, FEATURE_FILE, FORM_LIBRARY] }] }
	},
	{
		// The HTTP adapter and test helpers may speak Kit, not reach into a feature.
		files: ['src/lib/server/http/**/*.ts', 'src/lib/server/testing/**/*.ts'],
		ignores: ['src/lib/server/**/*.spec.ts', 'src/lib/server/http/forms.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [FEATURE_FILE, FORM_LIBRARY] }] }
	},
	{
		files: ['src/lib/server/http/forms.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [FEATURE_FILE] }] }
	},
	{
		// The rules are pure: time comes in as an argument, and nothing here reads a file, a
		// database or the network. CI runs their specs on one database only (ADR 031).
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(?!(\\./|vitest$|fast-check$|zod$))',
							message: 'Domain rules import only each other (and their specs vitest, fast-check).'
						}
					]
				}
			]
		}
	},
	{
		// Components name the form type that useForm's module gives, never the library's.
		files: ['src/lib/components/**', 'src/lib/*.ts'],
		ignores: ['src/lib/forms.svelte.ts', 'src/lib/**/*.spec.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [FORM_LIBRARY] }] }
	},
	{
		// Routes are thin: they call a feature's public module and the HTTP adapter, and never
		// query the database themselves. Their specs may set up data directly.
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		ignores: ['src/routes/**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'$lib/server/*',
								'!$lib/server/features',
								'!$lib/server/http',
								'!$lib/server/auth',
								'!$lib/server/errors',
								// A page's fixed texts by their keys (ADR 028): words, no data.
								'!$lib/server/words'
							],
							message:
								'Routes use a feature (`$lib/server/features/<name>`), `$lib/server/auth`, `$lib/server/errors`, `$lib/server/words` or the HTTP adapter (`$lib/server/http/*`).'
						},
						{
							group: ['$lib/server/features/*/*', '$lib/server/auth/*'],
							message: "Import the feature's public module (its index), not its files."
						},
						{
							group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'],
							message: 'Routes reach the database through a feature module, not directly.'
						},
						FORM_LIBRARY
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
