/**
 * Reads keepalived.conf syntax into a Commons Configuration node tree.
 *
 * <p>Follows keepalived.conf(5): DESCRIPTION (blocks delimited by {@code { }}, {@code #} and
 * {@code !} comments, {@code include} with glob and csh brace patterns resolved from the
 * including file's directory), "Quoted strings" (double and single quotes, shell-style
 * escapes) and ADVANCED CONFIGURATION ({@code @id} / {@code @^id} conditional lines,
 * {@code $NAME=value} parameters with lazy recursive substitution, the pre-defined
 * {@code ${_PWD}}, {@code ${_INSTANCE}}, {@code ${_RANDOM}}, {@code ${_HASH}},
 * {@code ${_BANG}}, {@code ${_ENV VAR}}, and {@code ~SEQ}/{@code ~SEQx}/{@code ~LST} line
 * loops).
 *
 * <p>The pipeline is line-oriented, as keepalived's own reader is: {@link
 * org.lvsd.conf.syntax.Preprocessor} turns files into logical lines (comments, includes,
 * conditionals, parameters, loops), {@link org.lvsd.conf.syntax.Tokenizer} splits each
 * line into words and braces, and {@link org.lvsd.conf.syntax.TreeBuilder} makes one
 * {@link org.apache.commons.configuration2.tree.ImmutableNode} per statement. Each node
 * carries its {@code args}, {@code file} and {@code line} as attributes, read through
 * {@link org.lvsd.conf.syntax.Nodes}. Nothing here throws on bad input: every problem
 * becomes a {@link org.lvsd.conf.Diagnostic}.
 */
package org.lvsd.conf.syntax;
