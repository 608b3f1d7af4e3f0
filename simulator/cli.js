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
	// --history N: N group call records over the last 20 days, for searches (the benchmark's paging run).
	const history = Number(option('history', '0'));
	const now = Date.now();
	for (let i = 0; i < history; i++) {
		simulator.groupHistory.push({
			voiceId: String(7000000 + i),
			submitTime: new Date(now - 20 * 86400000 + Math.floor((i * 20 * 86400000) / Math.max(history, 1))).toISOString(),
			callDuration: i % 90,
			cost: String((i % 100) / 10),
		});
	}
	const baseUrl = await simulator.start(Number(option('port', '4010')));
	console.log(`Itniotech simulator listening on ${baseUrl} (API key "${apiKey}", any other key fails with -1)`);
	if (process.send) process.send({ baseUrl });
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
