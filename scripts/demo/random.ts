/**
 * A small seeded random source for the demo generators, so that the same seed always writes the
 * same export, byte for byte, on every machine.
 */
export class Random {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** A uniform number in [0, 1) (mulberry32). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** A standard normal draw (Box–Muller). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/**
	 * The number of successes in `n` trials of probability `p`: exact for small `n`, a rounded
	 * normal approximation clamped to [0, n] for large `n`, where it is indistinguishable.
	 */
	binomial(n: number, p: number): number {
		const q = Math.min(1, Math.max(0, p));
		if (n <= 40) {
			let k = 0;
			for (let i = 0; i < n; i++) if (this.next() < q) k++;
			return k;
		}
		const draw = Math.round(this.normal(n * q, Math.sqrt(n * q * (1 - q))));
		return Math.min(n, Math.max(0, draw));
	}
}

/** First-order autoregressive noise: each step keeps `phi` of the last one, as weekly KPIs do. */
export function ar1(random: Random, length: number, phi: number, sd: number): number[] {
	const out: number[] = [];
	let last = random.normal(0, sd);
	for (let i = 0; i < length; i++) {
		last = phi * last + random.normal(0, sd * Math.sqrt(1 - phi * phi));
		out.push(last);
	}
	return out;
}
