/** The suite-wide secret scan, run by `npm test` after the main suite. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/scan/*.test.js'],
};
