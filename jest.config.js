/** Tests are plain JS against dist/ (see README, "Tests"); `npm test` builds first. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.js'],
	setupFiles: ['<rootDir>/test/setup-env.js'],
	testTimeout: 20000,
};
