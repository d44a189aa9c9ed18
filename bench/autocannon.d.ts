// The little of autocannon's API bench/http.ts uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p99: number; mean: number };
  export type AutocannonResult = { requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number };
  export type AutocannonOptions = { url: string; connections?: number; duration?: number; headers?: Record<string, string> };
  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}
