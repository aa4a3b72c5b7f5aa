#!/usr/bin/env python3
"""Black-box fuzz of a running Lancang: every operation of its /openapi.json, as a stranger would.

  ./lancang serve --port 8199 --data-dir /tmp/fuzz-var      # a throwaway server
  python3 scripts/fuzz-api.py http://localhost:8199 TOKENFILE

TOKENFILE holds the API token of a user with every role (so that role checks do not hide validation). Three passes:
malformed bodies and path parameters on every operation; for every JSON body, a plausible body from the schema with
one field at a time set to an extreme value; every declared query parameter of every GET set to an extreme value.
Reports every 5xx, every timeout and every 4xx that is not application/problem+json; exits 1 when there is one.
Found, the first time it ran: a 100 kB field name answered 500 on four endpoints (fixed in Json.body).
"""
import copy, json, re, sys, urllib.error, urllib.parse, urllib.request

BASE = sys.argv[1]
TOKEN = open(sys.argv[2]).read().strip()
SPEC = json.load(urllib.request.urlopen(BASE + "/openapi.json"))
SCHEMAS = SPEC.get('components', {}).get('schemas', {})
problems = []
calls = 0
unauthorized = [0]


def call(method, path, body=None, ctype='application/json'):
    global calls
    calls += 1
    req = urllib.request.Request(BASE + path, data=body, method=method.upper())
    if body is not None:
        req.add_header('content-type', ctype)
    req.add_header('authorization', 'Bearer ' + TOKEN)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get('content-type', ''), r.read()[:300]
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('content-type', ''), e.read()[:300]
    except Exception as e:  # a timeout or a dropped connection is a finding too
        return -1, '', str(e).encode()


def check(method, path, what, reply):
    status, ctype, body = reply
    unauthorized[0] += status == 401
    if status >= 500 or status < 0:
        problems.append((method.upper(), path[:120], what, status, body[:160]))
    elif 400 <= status < 500 and 'problem+json' not in ctype:
        problems.append((method.upper(), path[:120], what, status, 'not problem+json: ' + ctype))


def operations():
    for path, ops in SPEC['paths'].items():
        for method, op in ops.items():
            # logging out would end the fuzzer's own token: every later call would stop at 401, hiding validation
            if method in ('get', 'post', 'put', 'patch', 'delete') and not path.endswith('/stream') \
                    and path != '/api/auth/logout':
                yield path, method, op


# 1. malformed bodies and path parameters
BAD_BODIES = [b'{', b'not json', b'[]', b'null', b'{}', b'"str"', b'123', b'{"a":',
              b'{"date":"2026-13-45","from":"","to":null,"train":[],"count":-1,"quantity":1e309}',
              b'[' * 5000, b'{"' + b'a' * 100000 + b'":1}']
BAD_PARAMS = ['', 'x', '-1', '99999999999999999999', '%00', '2026-02-30', "'; DROP TABLE x;--",
              '..%2F..%2Fetc%2Fpasswd', 'Ω' * 300]
for path, method, op in operations():
    names = re.findall(r'\{(\w+)\}', path)
    variants = [path]
    if names:
        variants = []
        for v in BAD_PARAMS:
            p = path
            for n in names:
                p = p.replace('{' + n + '}', urllib.request.quote(v, safe='%'))
            variants.append(p)
    for i, p in enumerate(variants):
        if method in ('get', 'delete'):
            for q in ['', '?date=2026-99-99&from=%00&to=&network=nowhere&station=' + 'x' * 500 + '&limit=-5']:
                check(method, p + q, 'params', call(method, p + q))
        else:
            for body in (BAD_BODIES if i == 0 else BAD_BODIES[:3]):
                check(method, p, body[:30], call(method, p, body))
            check(method, p, 'form', call(method, p, b'a=b', 'application/x-www-form-urlencoded'))


# 2. plausible bodies with one extreme field
def resolve(s):
    while '$ref' in s:
        s = SCHEMAS[s['$ref'].split('/')[-1]]
    return s


def plausible(name, s, depth=0):
    s = resolve(s)
    t, n = s.get('type'), (name or '').lower()
    if 'example' in s:
        return s['example']
    if 'enum' in s:
        return s['enum'][0]
    if t == 'object' or 'properties' in s:
        return {k: plausible(k, v, depth + 1) for k, v in s.get('properties', {}).items()} if depth < 5 else {}
    if t == 'array':
        return [plausible(name, s.get('items', {}), depth + 1)] if depth < 5 else []
    if t in ('integer', 'number', 'boolean'):
        return {'integer': 1, 'number': 1.5, 'boolean': True}[t]
    if 'date' in n and 'time' not in n:
        return '2026-12-08'
    if 'time' in n:
        return '2026-12-08T10:00:00+08:00'
    return {'from': 'KMS', 'to': 'VTE', 'train': 'D87', 'currency': 'CNY'}.get(n, 'x')


def field_paths(obj, prefix=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield prefix + (k,)
            yield from field_paths(v, prefix + (k,))
    elif isinstance(obj, list) and obj:
        yield prefix + (0,)
        yield from field_paths(obj[0], prefix + (0,))


EXTREMES = [None, '', 'x' * 20000, -1, 0, 2**63, -2**63, 1e308, 1.000001, True, [], {}, [None] * 1000,
            '9999-12-31', '0001-01-01', '2026-02-30', '25:61', '\u202e\u0000', 'D87' * 1000, 'Ω𝄞', '-0', 'NaN']
for path, method, op in operations():
    schema = op.get('requestBody', {}).get('content', {}).get('application/json', {}).get('schema')
    if not schema:
        continue
    p = re.sub(r'\{[^}]+\}', 'D87', path)
    body = plausible('', schema)
    check(method, p, 'plausible', call(method, p, json.dumps(body).encode()))
    for fp in list(field_paths(body)):
        for v in EXTREMES:
            mutated = copy.deepcopy(body)
            target = mutated
            for k in fp[:-1]:
                target = target[k]
            target[fp[-1]] = v
            check(method, p, '.'.join(map(str, fp)) + '=' + repr(v)[:30], call(method, p, json.dumps(mutated).encode()))

# 3. query parameters
GOOD = {'date': '2026-12-08', 'from': 'KMS', 'to': 'VTE', 'station': 'LPB', 'train': 'D87', 'network': 'china-laos'}
QUERY_EXTREMES = ['', 'x' * 5000, '-1', '0', '9223372036854775808', '1e309', '9999-12-31', '0001-01-01',
                  '2026-02-30', '2026-12-08T25:00', 'KMS,VTE', '%', '\u202e', 'NaN', 'vientiane-bangkok', 'zz']
for path, method, op in operations():
    if method != 'get':
        continue
    params = [q['name'] for q in op.get('parameters', []) if q.get('in') == 'query']
    p = re.sub(r'\{[^}]+\}', 'D87', path)
    for name in params:
        for v in QUERY_EXTREMES:
            q = {n: GOOD.get(n, 'x') for n in params}
            q[name] = v
            url = p + '?' + urllib.parse.urlencode(q)
            check(method, url, name, call(method, url))

me = call('get', '/api/auth/me')
if me[0] != 200:
    problems.append(('GET', '/api/auth/me', 'the token still signs in at the end', me[0], me[2][:160]))
print(calls, 'calls,', len(problems), 'problems,', unauthorized[0], 'answered 401')
seen = set()
for pr in problems:
    if pr[:3] not in seen:
        seen.add(pr[:3])
        print(pr)
sys.exit(1 if problems else 0)
