// ESLint (flat config): typescript-eslint's type-aware recommended rules plus Pulumi's plugin, which
// catches Outputs interpolated into template strings (a mistake the mocks do not show: the string
// becomes "Calling [toString] on an [Output<T>] is not supported" only against the real engine).
import eslint from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/", "policy/node_modules/", "bin/", ".preview-out/", "eslint.config.mjs", "vitest.config.mts"] },
    eslint.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        files: ["infra/**/*.ts", "policy/**/*.ts", "tools/**/*.ts", "bench/**/*.ts", "tests/**/*.ts"],
        languageOptions: {
            parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
        },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            // `const parent: pulumi.Resource = this;` is the component idiom: children name their parent.
            "@typescript-eslint/no-this-alias": ["error", { allowedNames: ["parent"] }],
            // Callbacks that must match a signature mark unused parameters with a leading underscore.
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        },
    },
    {
        // Plain CommonJS on purpose (bench/sdk-floor.cjs measures node without a TypeScript loader).
        files: ["**/*.cjs"],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: { sourceType: "commonjs", globals: { require: "readonly", process: "readonly", console: "readonly" } },
        rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
    },
    {
        // Tests build deliberately loose fixtures (mutations of `Record<string, any>`) and use vitest's
        // asymmetric matchers, which are typed `any`; the "any" rules only add noise there.
        files: ["tests/**/*.ts"],
        rules: {
            "@typescript-eslint/no-unsafe-member-access": "off",
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-call": "off",
            "@typescript-eslint/no-unsafe-argument": "off",
            "@typescript-eslint/no-unsafe-return": "off",
            "@typescript-eslint/no-explicit-any": "off",
        },
    },
);
