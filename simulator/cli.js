#!/usr/bin/env node
'use strict';
// Runs the Itniotech simulator on its own: `npm run simulator -- --port 4010 --key demoKey --secret demoSecret`.
const { ItniotechSimulator } = require('./server');
const { historyRecord } = require('./records');
const { seedSent } = require('./sms');

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
		// --no-log: count requests instead of keeping each one (a benchmark sends hundreds of thousands).
		keepRequests: !process.argv.includes('--no-log'),
	});
	// --history N [--history-days D]: N full group call records spread over the last D days (20), newest
	// first, for searches (the benchmark's paging runs).
	const history = Number(option('history', '0'));
	const spanMs = Number(option('history-days', '20')) * 86400000;
	const now = Date.now();
	for (let i = 0; i < history; i++) {
		simulator.groupHistory.push(
			historyRecord(i, now - 60000 - Math.floor((i * spanMs) / Math.max(history, 1))),
		);
	}
	// --sms-sent N [--sms-app ID]: N delivered messages of SMS app ID (benchApp), msgIds seededMsgId(0…N-1),
	// for delivery reports (the benchmark's Get Delivery Report rows).
	seedSent(simulator, Number(option('sms-sent', '0')), option('sms-app', 'benchApp'));
	const baseUrl = await simulator.start(Number(option('port', '4010')));
	console.log(
		`Itniotech simulator listening on ${baseUrl} (API key "${apiKey}", any other key fails with -1)`,
	);
	if (process.send) {
		process.send({ baseUrl });
		// A benchmark asks how many requests came and the most at once, per run.
		process.on('message', (message) => {
			if (message === 'resetStats') {
				simulator.requestCount = 0;
				simulator.maxInFlight = simulator.inFlight;
			}
			if (message === 'resetStats' || message === 'stats') {
				process.send({
					stats: { requestCount: simulator.requestCount, maxInFlight: simulator.maxInFlight },
				});
			}
		});
	}
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
