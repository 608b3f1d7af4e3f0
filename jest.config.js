/** Tests are plain JS against dist/ (see README, "Development"); `npm test` builds first. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.js'],
	// The secret scan reads what this suite leaves behind, so it runs after it (jest.scan.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/scan/'],
	setupFiles: ['<rootDir>/test/setup-env.js'],
	globalSetup: '<rootDir>/test/clear-evidence.js',
	testTimeout: 30000,
};
