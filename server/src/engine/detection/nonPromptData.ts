// Strings that look like prompts but are data: a model's reply faked in a test or mock, the arguments of an
// assertion, the contents of a file the program writes. As data, like sinks.ts: add a row to teach the detector.
// Source: issue 17 (three public agent projects audited on 2026-12-07: 966–3,391 test strings priced as prompts, a
// JavaScript file in a sandbox manifest's `content:` priced at $106/month) and the mocking/assertion APIs of Jest and
// Vitest, unittest.mock, pytest, respx, responses, nock and sinon as documented on that date.

/**
 * Calls whose arguments describe what a fake returns (`create.mockResolvedValue({ choices: [...] })`,
 * `MagicMock(return_value=…)`, `respx.post(url).mock(return_value=…)`, `responses.add(…, json=…)`, `nock(…).reply(…)`,
 * `sinon.stub().resolves(…)`). Matched against the last segment of the callee (or its dotted suffix).
 */
export const MOCK_CALLEES = [
  'mockResolvedValue', 'mockResolvedValueOnce', 'mockReturnValue', 'mockReturnValueOnce', 'mockImplementation',
  'mockImplementationOnce', 'mockRejectedValue', 'mockRejectedValueOnce',
  'Mock', 'MagicMock', 'AsyncMock', 'NonCallableMock', 'create_autospec', 'patch', 'patch.object', 'mocker.patch',
  'respx.mock', 'route.mock', 'respond', 'httpx.Response', 'responses.add', 'responses.post', 'responses.get',
  'rsps.add', 'aioresponses.post', 'reply', 'replyWithFile', 'resolves', 'returns', 'callsFake', 'HttpResponse.json',
];

/** Keyword arguments and attributes that set what a Python mock returns (`return_value=…`, `m.side_effect = …`). */
export const MOCK_RESULT_NAMES = ['return_value', 'side_effect', 'mockReturnValue'];

/**
 * Keys only a model's *response* has (OpenAI `choices`/`finish_reason`/`output_text`, Anthropic `stop_reason`,
 * Gemini `candidates`, `usage` in all three): a string inside an object holding one of them is a reply, not input.
 */
export const RESPONSE_KEYS = ['choices', 'finish_reason', 'stop_reason', 'stop_sequence', 'candidates', 'output_text', 'usage', 'logprobs'];

/**
 * Assertions: any call whose callee chain holds one of these names (`expect(a).toEqual(b)`, `expect.objectContaining`,
 * `assert.deepEqual`, chai `should`), and methods named like unittest/mock assertions (`self.assertEqual`,
 * `mock.assert_called_once_with`) or Jest/Vitest matchers (`toHaveBeenCalledWith`).
 */
export const ASSERTION_ROOTS = ['expect', 'assert', 'assertThat', 'should', 'expectTypeOf'];
export const ASSERTION_METHOD = /^(?:assert[A-Z_]\w*|to(?:Be|Equal|StrictEqual|Contain|Match|Have|Throw|Satisfy)\w*|fail_?[uU]nless\w*)$/;

/** Calls that write their string arguments to a file (`fs.writeFileSync(path, body)`, `Path(p).write_text(body)`). */
export const FILE_WRITE_CALLEES = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'writeTextFile',
  'writeTextFileSync', 'Bun.write', 'write_text', 'write_bytes', 'writelines', 'write_file', 'createWriteStream',
];

/**
 * Keys that make an object a file entry (a sandbox or archive manifest `{ path, content }`, `{ type: 'file', content }`):
 * its `content` is a file's text, not a message.
 */
export const FILE_ENTRY_KEYS = ['path', 'filePath', 'file_path', 'filename', 'fileName', 'encoding', 'mode', 'executable', 'permissions'];
/** `type` values of a file entry. */
export const FILE_ENTRY_TYPES = ['file', 'directory', 'dir', 'symlink', 'blob', 'local_file', 'localFile', 'text_file'];
/** Keys that hold a file entry's text. */
export const FILE_CONTENT_KEYS = ['content', 'contents', 'text', 'body', 'data', 'source'];
