// Environment for every test worker: quiet logs, cheap password hashing, no login limits in the
// way (the throttling spec sets its own), a fixed secret so tokens can be forged on purpose.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.ARGON2_MEMORY_KIB = '1024';
process.env.DEMO_DATA = 'false';
process.env.LOGIN_FAILURES_PER_ADDRESS ??= '1000';
process.env.LOGIN_FAILURES_PER_ACCOUNT ??= '1000';
process.env.LOGIN_LIMIT_PER_IP ??= '10000';
process.env.JWT_ACCESS_SECRET = 'test-secret-for-jest-only-0123456789abcdef';
process.env.DEMO_PASSWORD = 'thidua-demo-2011';
