import {homedir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {parseComposeDatabase, parseDuration} from '../../../source/core/config/compose-file.js';
import {InputError} from '../../../source/core/errors.js';

const file = '/projects/curator/docker-compose.yml';
const env = {HOME: '/home/dev', DB_PASSWORD: 's3cret', DB_PORT: '6543'};

function compose(db: string, tail = 'volumes:\n  postgres_data:\n'): string {
	return `services:\n  db:\n${db.replace(/^/gm, '    ')}\n${tail}`;
}

const base = `image: postgres:15-alpine
environment:
  POSTGRES_USER: cognition_user
  POSTGRES_PASSWORD: cognition_pass
  POSTGRES_DB: cognition_curator_dev
ports:
  - "127.0.0.1:5432:5432"`;

const parse = (text: string, environment: NodeJS.ProcessEnv = env) => parseComposeDatabase(text, file, environment);

test('the project file: image, credentials, port, named volume, healthcheck', (t) => {
	const db = parse(compose(`${base}
volumes:
  - postgres_data:/var/lib/postgresql/data
healthcheck:
  test: ["CMD-SHELL", "pg_isready -U cognition_user"]
  interval: 2s
  timeout: 3s
  retries: 15`));
	t.like(db, {image: 'postgres:15-alpine', user: 'cognition_user', password: 'cognition_pass', database: 'cognition_curator_dev', hostIp: '127.0.0.1', hostPort: 5432, containerPort: 5432});
	t.deepEqual(db.volume, {key: 'postgres_data', target: '/var/lib/postgresql/data', external: false, explicitName: undefined});
	t.deepEqual(db.binds, []);
	t.deepEqual(db.healthcheck, ['CMD-SHELL', 'pg_isready -U cognition_user']);
	t.deepEqual(db.healthTiming, {interval: 2e9, timeout: 3e9, retries: 15});
	t.deepEqual(db.unsupported, []);
});

test('a source starting with /, . or ~ is a bind mount, anything else a named volume', (t) => {
	const db = parse(compose(`${base}
volumes:
  - ~/pgdata:/var/lib/postgresql/data
  - ./init:/docker-entrypoint-initdb.d:ro
  - /etc/localtime:/etc/localtime:ro
  - ~:/home/host`));
	t.is(db.volume, undefined, '~/pgdata is a host path, not a volume named "~/pgdata"');
	t.deepEqual(db.binds, [
		'/home/dev/pgdata:/var/lib/postgresql/data',
		'/projects/curator/init:/docker-entrypoint-initdb.d:ro',
		'/etc/localtime:/etc/localtime:ro',
		'/home/dev:/home/host',
	]);
	const noHome = parse(compose(`${base}\nvolumes:\n  - ~/pgdata:/data`), {});
	t.deepEqual(noHome.binds, [`${path.join(homedir(), 'pgdata')}:/data`]);
});

test('long volume syntax: bind and volume, external and explicitly named declarations', (t) => {
	const db = parse(
		compose(
			`${base}
volumes:
  - type: volume
    source: data
    target: /var/lib/postgresql/data
  - type: bind
    source: ./backups
    target: /backups
    read_only: true`,
			'volumes:\n  data:\n    external: true\n    name: shared_pg\n',
		),
	);
	t.deepEqual(db.volume, {key: 'data', target: '/var/lib/postgresql/data', external: true, explicitName: 'shared_pg'});
	t.deepEqual(db.binds, ['/projects/curator/backups:/backups:ro']);
});

test('volume errors name the field: undeclared, anonymous, two named, tmpfs', (t) => {
	t.throws(() => parse(compose(`${base}\nvolumes:\n  - other:/data`)), {instanceOf: InputError, message: `${file}: services.db.volumes[0]: volume "other" is not declared under the top-level volumes`});
	t.throws(() => parse(compose(`${base}\nvolumes:\n  - /var/lib/postgresql/data`)), {message: /services\.db\.volumes\[0\]: "\/var\/lib\/postgresql\/data" is an anonymous volume/});
	t.throws(() => parse(compose(`${base}\nvolumes:\n  - postgres_data:/a\n  - more:/b`, 'volumes:\n  postgres_data:\n  more:\n')), {message: /services\.db\.volumes: cc-dev supports one named volume/});
	t.throws(() => parse(compose(`${base}\nvolumes:\n  - type: tmpfs\n    target: /tmp`)), {message: /services\.db\.volumes\[0\]: needs a source/});
	t.throws(() => parse(compose(`${base}\nvolumes:\n  - type: tmpfs\n    source: x\n    target: /tmp`)), {message: /type tmpfs is not supported/});
});

test('interpolation follows compose everywhere in the service, with $$ as a literal $', (t) => {
	const db = parse(
		compose(`image: \${DB_IMAGE:-postgres:15-alpine}
environment:
  POSTGRES_USER: cognition_user
  POSTGRES_PASSWORD: \${DB_PASSWORD:?set DB_PASSWORD}
  POSTGRES_DB: cognition_curator_dev
  LITERAL: "pa$$word"
ports:
  - "127.0.0.1:\${DB_PORT-5432}:5432"`),
	);
	t.is(db.image, 'postgres:15-alpine');
	t.is(db.password, 's3cret');
	t.is(db.environment['LITERAL'], 'pa$word');
	t.is(db.hostPort, 6543);
	t.throws(() => parse(compose(base.replace('cognition_pass', '${DB_PASSWORD:?set DB_PASSWORD}')), {}), {
		instanceOf: InputError,
		message: `${file}: services.db.environment.POSTGRES_PASSWORD: required variable DB_PASSWORD is not set: set DB_PASSWORD`,
	});
});

test('environment as a list; a name without a value passes the variable through', (t) => {
	const db = parse(
		compose(`image: postgres:15
environment:
  - POSTGRES_PASSWORD
  - POSTGRES_USER=app
  - EMPTY=
  - ABSENT
ports: ["5433:5432"]`),
		{POSTGRES_PASSWORD: 'from-shell'},
	);
	t.deepEqual(db.environment, {POSTGRES_PASSWORD: 'from-shell', POSTGRES_USER: 'app', EMPTY: ''});
	t.is(db.database, 'app', 'POSTGRES_DB defaults to the user, as in the image');
	t.like(db, {hostIp: '0.0.0.0', hostPort: 5433, containerPort: 5432});
});

test('ports: short forms, IPv6, long syntax; bad ones name the field', (t) => {
	const port = (spec: string) => {
		const db = parse(compose(base.replace('  - "127.0.0.1:5432:5432"', spec)));
		return [db.hostIp, db.hostPort, db.containerPort];
	};
	t.deepEqual(port('  - "5432"'), ['0.0.0.0', 5432, 5432]);
	t.deepEqual(port('  - 5432'), ['0.0.0.0', 5432, 5432]);
	t.deepEqual(port('  - "6000:5432/tcp"'), ['0.0.0.0', 6000, 5432]);
	t.deepEqual(port('  - "[::1]:6000:5432"'), ['::1', 6000, 5432]);
	t.deepEqual(port('  - target: 5432\n    published: "6001"\n    host_ip: 127.0.0.1'), ['127.0.0.1', 6001, 5432]);
	t.throws(() => port('  - "5432/udp"'), {message: /services\.db\.ports\[0\]: "5432\/udp" is not HOST_IP:HOST_PORT:CONTAINER_PORT/});
	t.throws(() => port('  - "70000:5432"'), {message: /port 70000 is not between 1 and 65535/});
	t.throws(() => port('  - "5432:5432"\n  - "5433:5433"'), {message: /services\.db\.ports: cc-dev supports exactly one published port/});
	t.throws(() => parse(compose(base.replace(/ports:\n.*/, ''))), {message: /services\.db\.ports: missing: publish the PostgreSQL port/});
});

test('the shape is checked: wrong types and missing parts name the field and exit 2', (t) => {
	const retries = t.throws(() => parse(compose(`${base}\nhealthcheck:\n  test: pg_isready\n  retries: many`)), {instanceOf: InputError});
	t.is(retries?.message, `${file}: services.db.healthcheck.retries: must be a whole number`);
	t.is(retries?.exitCode, 2);
	t.throws(() => parse(compose(`${base}\nrestart: [always]`)), {message: /services\.db\.restart: /});
	t.throws(() => parse(compose(base.replace('image: postgres:15-alpine\n', ''))), {message: /services\.db\.image: missing/});
	t.throws(() => parse(compose(base.replace(/ {2}POSTGRES_PASSWORD.*\n/, ''))), {message: /services\.db\.environment\.POSTGRES_PASSWORD: missing/});
	t.throws(() => parse('services:\n  web:\n    image: x\n'), {message: `${file}: no db service`});
	t.throws(() => parse('version: "3"\n'), {message: `${file}: no services section`});
	t.throws(() => parse('services:\n  db: [\n'), {message: /not valid YAML/});
});

test('Docker-only fields: command, container name, stop settings, labels, disabled healthcheck, unsupported fields', (t) => {
	const db = parse(
		`name: My_Project\n${compose(`${base}
command: postgres -c max_connections=50
container_name: curator-db
restart: unless-stopped
stop_signal: SIGTERM
stop_grace_period: 1m30s
labels:
  - team=data
healthcheck:
  disable: true
env_file: .env
x-note: ignored
networks: [default]`)}`,
	);
	t.like(db, {projectName: 'My_Project', containerName: 'curator-db', restart: 'unless-stopped', stopSignal: 'SIGTERM', stopTimeout: 90, isHealthcheckDisabled: true});
	t.deepEqual(db.command, ['postgres', '-c', 'max_connections=50']);
	t.deepEqual(db.labels, {team: 'data'});
	t.deepEqual(db.unsupported, ['env_file']);
});

test('durations', (t) => {
	t.is(parseDuration(file, 'x', '1m30s'), 90e9);
	t.is(parseDuration(file, 'x', '500ms'), 5e8);
	t.is(parseDuration(file, 'x', 10), 10e9);
	t.throws(() => parseDuration(file, 'healthcheck.interval', 'soon'), {message: `${file}: services.db.healthcheck.interval: "soon" is not a duration such as 10s, 1m30s or 500ms`});
});
