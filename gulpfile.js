// Copies what tsc does not emit (icons, codex JSON) next to the compiled nodes and credentials in dist/.
const { src, dest } = require('gulp');

function buildAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg,json}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
exports.default = buildAssets;
