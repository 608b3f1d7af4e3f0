/** The publish workflow's release gate (scripts/check-release.js): it must refuse what npm provenance would refuse. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { githubRepoOf, releaseProblems } = require('../../scripts/check-release.js');

const SCRIPT = path.join(__dirname, '../../scripts/check-release.js');

const releasable = {
	name: 'n8n-nodes-itniotech',
	version: '1.2.3',
	author: { name: 'Ada', email: 'ada@example.org' },
	repository: { type: 'git', url: 'git+https://github.com/Acme/n8n-nodes-itniotech.git' },
	bugs: { url: 'https://github.com/Acme/n8n-nodes-itniotech/issues' },
};
const datedChangelog =
	'# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-11-27\n\n### Added\n- things\n';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-check-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function packageDir(pkg, changelog = datedChangelog) {
	const dir = fs.mkdtempSync(path.join(workDir, 'package-'));
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
	if (changelog !== undefined) fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
	return dir;
}

const context = { repository: 'Acme/n8n-nodes-itniotech', tag: 'v1.2.3' };

describe('githubRepoOf', () => {
	test.each([
		['git+https://github.com/Acme/Repo.git', 'acme/repo'],
		['https://github.com/acme/repo', 'acme/repo'],
		['https://github.com/acme/repo/issues', 'acme/repo'],
		['git+ssh://git@github.com/acme/repo.git', 'acme/repo'],
		['https://gitlab.com/acme/repo', undefined],
		[undefined, undefined],
	])('%s → %s', (url, expected) => expect(githubRepoOf(url)).toBe(expected));
});

describe('releaseProblems', () => {
	test('a release whose facts agree has no problems', () => {
		expect(releaseProblems(packageDir(releasable), context)).toEqual([]);
	});

	test('a repository.url other than the publishing repository is refused, naming both', () => {
		const problems = releaseProblems(packageDir(releasable), {
			...context,
			repository: 'someone-else/fork',
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			/repository\.url is "git\+https:\/\/github\.com\/Acme\/n8n-nodes-itniotech\.git"/,
		);
		expect(problems[0]).toMatch(/github\.com\/someone-else\/fork/);
	});

	test('a tag that is not v<version> is refused', () => {
		expect(releaseProblems(packageDir(releasable), { ...context, tag: 'v1.2.4' })).toEqual([
			'Tag v1.2.4 does not match package.json version 1.2.3: tag v1.2.3.',
		]);
	});

	test('bugs in another repository, a missing author email and an undated CHANGELOG are each named', () => {
		const pkg = {
			...releasable,
			author: 'Ada',
			bugs: { url: 'https://github.com/other/repo/issues' },
		};
		const problems = releaseProblems(
			packageDir(pkg, datedChangelog.replace('2026-11-27', 'unreleased')),
			context,
		);
		expect(problems).toHaveLength(3);
		expect(problems.join('\n')).toMatch(/bugs\.url/);
		expect(problems.join('\n')).toMatch(/author needs an email/);
		expect(problems.join('\n')).toMatch(/## \[1\.2\.3\] - YYYY-MM-DD/);
	});

	test('a string author with an email in angle brackets counts', () => {
		const pkg = { ...releasable, author: 'Ada <ada@example.org>' };
		expect(releaseProblems(packageDir(pkg), context)).toEqual([]);
	});
});

describe('the command line, as the publish workflow runs it', () => {
	function run(dir, env) {
		return spawnSync(process.execPath, [SCRIPT, dir], {
			encoding: 'utf8',
			env: { PATH: process.env.PATH, ...env },
		});
	}

	test('exits 0 for a releasable package', () => {
		const result = run(packageDir(releasable), {
			GITHUB_REPOSITORY: context.repository,
			GITHUB_REF_NAME: context.tag,
		});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('exits 1 and lists every problem when the environment is missing', () => {
		const result = run(packageDir(releasable), {});
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/GITHUB_REF_NAME/);
		expect(result.stderr).toMatch(/GITHUB_REPOSITORY/);
	});

	test("this repository's own package.json is not publishable from some other repository", () => {
		const root = path.join(__dirname, '../..');
		const version = require(path.join(root, 'package.json')).version;
		const result = run(root, {
			GITHUB_REPOSITORY: 'not-us/elsewhere',
			GITHUB_REF_NAME: `v${version}`,
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/not-us\/elsewhere/);
	});
});
