#!/usr/bin/env node
'use strict';
// Runs the Itniotech simulator on its own: `npm run simulator -- --port 4010 --key demoKey --secret demoSecret`.
const { ItniotechSimulator } = require('./server');

function option(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
}

async function main() {
	const apiKey = option('key', 'demoKey');
	const apiSecret = option('secret', 'demoSecret');
	const simulator = new ItniotechSimulator({
		accounts: { [apiKey]: apiSecret },
		latencyMs: Number(option('latency', '0')),
	});
	const baseUrl = await simulator.start(Number(option('port', '4010')));
	console.log(`Itniotech simulator listening on ${baseUrl} (API key "${apiKey}", any other key fails with -1)`);
	const stop = async () => {
		await simulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
